"""Who asks in a two-party transcript labelled by names ("Anna:" / "Per:"): the interviewer, found by what they do.

An interview guide's questions name its themes, so theme coding leaves the interviewer's turns out; a transcript
that labels the interviewer by role ("Intervjuare:", "Anna (intervjuare):") or a speakers.csv says who it is. When
nothing does, a conversation of two where one speaker ends nearly every turn with a question and the other almost
never does is an interview, and the one who asks gets the role "intervjuare", with a note. A podcast host or a
meeting's chair asks in a third to a half of their turns and is left as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from textsamverkan.segment.names import is_questioner_label
from textsamverkan.segment.turn_types import Speaker, Turn

INTERVIEWER_ROLE = "intervjuare"
MIN_QUESTIONS = 4  # turns ending in a question
QUESTION_SHARE = 0.75  # of the asker's turns
OTHER_SHARE = 0.1  # at most, of the other speaker's turns


def mark_interviewer(text: str, turns: Sequence[Turn], speakers: Sequence[Speaker]) -> list[str]:
    """Give the role "intervjuare" to the one of two speakers who asks (see the module docstring); a note naming
    them, or no note when the transcript is no such interview or already says who asks."""
    if len(speakers) != 2 or any(is_questioner_label(label) for label in (*(s.role or "" for s in speakers),
                                                                          *(t.label for t in turns))):
        return []  # not two, or the labels or a speakers.csv already say who asks
    said: Counter[str] = Counter(t.speaker_id for t in turns)
    asked: Counter[str] = Counter(t.speaker_id for t in turns if text[t.start : t.end].rstrip().endswith("?"))
    first, second = speakers
    for asker, other in ((first, second), (second, first)):
        if (asker.role is None and asked[asker.id] >= MIN_QUESTIONS
                and asked[asker.id] >= QUESTION_SHARE * said[asker.id]
                and asked[other.id] <= OTHER_SHARE * said[other.id]):  # fmt: skip
            asker.role = INTERVIEWER_ROLE
            return [f"{asker.name} ends {asked[asker.id]} of {said[asker.id]} turns with a question and "
                    f"{other.name} {asked[other.id]} of {said[other.id]}: {asker.name} is read as the interviewer "
                    "(role 'intervjuare': theme coding leaves those turns out unless `themes --code-interviewer`; "
                    "a role in a speakers.csv overrides this)"]
    return []
