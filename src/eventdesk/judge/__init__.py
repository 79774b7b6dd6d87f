"""The judge: learned judgements over the candidates the lexicon proposes.

What the lexicon does (extract/, `data/event_types.toml`): it finds *candidates*: a trigger
word of an event family with the grammar that family needs (an object, a head, no excluding
modifier), its actors by dependency role, its modality from the attribution cues (claimed,
denied, planned), and a first guess at the ACLED type from rules over the actors' kinds.
It is cheap, it says why, and it keeps every field's span.

What the model does (this package): for each candidate sentence, three small classifiers over
the bundled sentence encoder's embedding (all-MiniLM-L6-v2, extract/embed.py), trained on
sentences we wrote ourselves (`judge/data/*.toml`, thousands, every ACLED sub-type and every
class of hard negative: idioms, sport, accidents, disasters, natural deaths, negated
happenings, threats and plans, court proceedings, statistics, opinion, media, economy) decide
- whether it reports a specific incident that happened, a past incident mentioned as
  background, or none (an idiom, an accident, a threat ...): `none` drops the candidate,
  `background` keeps it flagged;
- which ACLED sub-type it is, and whether it is in ACLED's scope or ordinary crime.
The lexicon proposes, the model disposes: rules stay where they generalise (grammar, spans,
actors), the model decides where rules kept growing without generalising (event-ness, type).
"""
