"""Person names in Swedish text: known people (speakers and their aliases), name lists, introductions, and the
bundled NER's PER entities, resolved so that every mention of one person carries one person key.

Sources and confidences (the `source` of a Detection):
- `speaker` 0.95: a speaker's name or alias, or one of its words ("Olivia" of "Olivia Wigzell");
- `lexicon:first-name` 0.9: a capitalised run of 2–4 words starting with a known first name ("Anna Berg");
- `lexicon:surname` / `pattern:surname` 0.75 / 0.7: 2–4 capitalised words ending in a known surname or a Swedish
  surname ending (-sson, -berg, -ström, -qvist, …);
- `cue` 0.8: a capitalised word after a role or family word ("sjuksköterskan Lejla", "dottern Mira") or after
  "heter";
- `lexicon:first-name-alone` 0.7: a lone known first name that does not begin a sentence;
- `propagated` 0.85: a word of a full name found elsewhere in the same text ("Söderström" after "Ann Söderström"),
  also in the genitive ("Söderströms", the span without the -s);
- `propagated:corpus` 0.8: a word of a full name found in another document of the corpus (`corpus_words`);
- `context` 0.8 / 0.75: capitalised words right after a cue ("kontakta", "hej", "tack", "sa", a role or family word)
  or right before one ("berättar", "sa", "ringde", "(född …"), when they are a listed name or no ordinary word (an
  ordinary word is a Swedish function word or one written in lower case elsewhere in the text or corpus);
  `lexicon:full-name` 0.85: a listed first name, even one that is also a word ("Hans"), before a listed surname or a
  surname ending ("Hans Andersson");
- `ner:<model>` 0.8 when the lists or the text back it up; else 0.7 for two words or more and 0.6 for one word
  inside a sentence (four letters or more, not in a comma list), when no word is ordinary; else 0.45, below the
  default threshold (the review list shows it): the NER's PER spans.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from importlib import resources

from textsamverkan.ingest.regions import REGIONS
from textsamverkan.pii.types import PERSON, Detection, KnownPerson
from textsamverkan.segment.introductions import Mention, find_mentions
from textsamverkan.segment.lexicon import PLACE_WORDS, is_org_word, role_head
from textsamverkan.segment.names import NOT_SPEAKER_WORDS, PARTICLES, fold, is_code_label

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SURNAME_ENDING = re.compile(
    r"(?:sson|son|berg|ström|strom|qvist|kvist|lund|gren|holm|dahl|blad|bäck|sköld|stedt|stam|ling|lin|ius|"
    r"ér|én|er|ell|vall|hed|mark|fors|borg|by)$"
)
# Capitalised words that are names in the lists but mostly ordinary words in running text.
_AMBIGUOUS_TEXT = """Hans Per Bo Dag Sten Björn Ulf Tor Ros Rose Mark Sol Ingen Inga Vilja Saga Liv Juni Iris Max Kim
Mai Von Fri Frej Ask Lo Ron Bill Bob Tim Storm Sverige Norge Danmark Finland Island"""
_AMBIGUOUS = frozenset(fold(w) for w in _AMBIGUOUS_TEXT.split())
# Words of the 21 region names: the NER's PER on them alone is a place ("Vårdval Halland").
_REGION_WORDS = frozenset(fold(w) for region in REGIONS for w in region.split())
# Words before a name that mark it as a person (roles are recognised by `role_head`).
_CUE_WORDS = frozenset(fold(w) for w in (
    "heter", "hette", "kallas", "dottern", "dotter", "sonen", "son", "barnet", "mamma", "pappa", "mor", "far",
    "mamman", "pappan", "maken", "make", "frun", "fru", "hustrun", "sambon", "brodern", "bror", "brorsan",
    "systern", "syster", "syrran", "farmor", "farfar", "mormor", "morfar", "patienten", "patient", "brukaren",
    "brukare", "kunden", "boende", "boenden", "klienten", "vårdtagaren", "kollegan", "kollega", "chefen",
    "grannen", "vännen", "anhörige", "anhöriga", "herr", "fru", "fröken", "dr", "doktor", "kontaktperson",
    "kontaktpersonen", "handläggaren", "handläggare", "till", "med", "av", "hos", "från",
))
_WEAK_CUES = frozenset(fold(w) for w in ("till", "med", "av", "hos", "från"))
_PLACE_CONTEXT = frozenset(fold(w) for w in (
    "kommun", "kommuns", "stad", "stads", "län", "läns", "universitet", "sjukhus", "region", "regions", "vårdcentral",
    "kommunen", "centrum"))
_LOCATION_PREPOSITIONS = frozenset(fold(w) for w in ("i", "på", "vid", "mot", "inom", "utanför", "norr", "söder"))
# Words right before a name that address, quote or contact a person ("Hej Leyla", "sa Gunvor", "Kontakta Omar").
_CONTEXT_BEFORE = frozenset(fold(w) for w in (
    "kontakta", "kontaktade", "ring", "ringde", "ringer", "mejla", "mejlade", "fråga", "frågade", "frågar", "hej",
    "hejsan", "hallå", "tack", "tackar", "grattis", "sa", "sade", "säger", "svarade", "svarar", "skriver", "skrev",
    "berättade", "berättar", "bekräftar", "bekräftade", "intervjuade", "träffade", "träffar",
))
# Words right after a name that make its bearer act or speak ("Tarek berättar", "Omar (född …)").
_CONTEXT_AFTER = frozenset(fold(w) for w in (
    "berättar", "berättade", "sa", "sade", "säger", "tycker", "tyckte", "menar", "menade", "svarar", "svarade",
    "frågar", "frågade", "ringde", "ringer", "skriver", "skrev", "hälsade", "tackade", "bekräftar", "bekräftade",
    "förklarar", "förklarade", "minns", "mindes", "beskriver", "beskrev", "föddes", "avled", "flyttade",
))
_ADDRESSES = re.compile(r"\S*@\S*|\S+://\S*|www\.\S*")
_BORN_AFTER = re.compile(r"[ \t]*[(,][ \t]*född\b")
# Function words that never start a name (those a capitalised sentence start is most often).
_ORDINARY_TEXT = """jag du han hon vi ni de den det dom man en ett och men eller så då nu här där när om som att
inte alla många några mycket vad hur varför vem vilken vilket vilka också även bara sedan efter under innan
kanske ja nej tack hej alltså liksom sen också denna detta dessa min din sin vår er deras hans hennes"""
_ORDINARY = frozenset(_ORDINARY_TEXT.split())


def first_names() -> frozenset[str]:
    """Folded first names: Riksdag members' given names and common given names in Sweden today (segment's list)."""
    from textsamverkan.segment.first_names import FIRST_NAMES

    return FIRST_NAMES


@functools.cache
def surnames() -> frozenset[str]:
    """Folded surnames of Riksdag members."""
    return _load("surnames.txt")


def _load(name: str) -> frozenset[str]:
    text = resources.files("textsamverkan.pii").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(fold(line) for line in text.split() if line)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0-–—\"'”»(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n•●▪"


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([^\W\d_][\w-]*)[ \t\u00a0]+$", text[max(0, start - 40) : start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[ \t\u00a0]+([^\W\d_][\w-]*)", text[end : end + 40])
    return m.group(1) if m else ""


def _known_forms(people: Sequence[KnownPerson]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(folded full form → person key, folded single word → person keys) for known people."""
    full: dict[str, str] = {}
    words: dict[str, set[str]] = {}
    for person in people:
        key = fold(person.name)
        for form in (person.name, *person.aliases):
            if not form or is_code_label(form) or not any(ch.isupper() for ch in form):
                continue
            full[fold(form)] = key
            for token in form.split():
                if token not in PARTICLES and len(token) > 1:
                    words.setdefault(fold(token), set()).add(key)
    return full, words


def _drop_cue_words(mention: Mention) -> Mention | None:
    """A mention without leading cue or role words ("Patienten Eva Lind" → "Eva Lind"); None when nothing is left."""
    name, start = mention.name, mention.start
    while True:
        first, _, rest = name.partition(" ")
        if not rest or not (fold(first) in _CUE_WORDS or role_head(first) is not None):
            return Mention(start, start + len(name), name) if name else None
        start += len(first) + 1
        name = rest


def _after_cue(text: str, start: int) -> bool:
    """True after a role or family word ("sjuksköterskan", "dottern", "heter")."""
    prev = _previous_word(text, start)
    return bool(prev) and ((fold(prev) in _CUE_WORDS and fold(prev) not in _WEAK_CUES) or role_head(prev) is not None)


def _name_like(words: Sequence[str]) -> bool:
    """1–4 capitalised words, none an acronym, place word, organisation, role or sentence word."""
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() and not (len(w) > 1 and w.isupper()) and fold(w) not in PLACE_WORDS and not is_org_word(w)
        and fold(w) not in NOT_SPEAKER_WORDS and role_head(w) is None and not any(ch.isdigit() for ch in w)
        for w in words
    )


def find_names(
    text: str,
    *,
    people: Sequence[KnownPerson] = (),
    ner_spans: Iterable[tuple[int, int]] = (),
    ner_source: str = "ner",
    corpus_words: Mapping[str, Collection[str]] | None = None,
    ordinary: Collection[str] = (),
) -> list[Detection]:
    """Every person-name mention found in `text`, each with a person key (folded full name where known).

    Overlapping candidates are all returned; `detect` keeps the best. `ner_spans` are PER spans from a NER model.
    `corpus_words` maps a folded word of a full name found elsewhere in the corpus to its person keys
    (`name_words`); `ordinary` are lower-case words seen elsewhere in the corpus (never names at a sentence start).
    """
    firsts, lasts = first_names(), surnames()
    known_full, known_words = _known_forms(people)
    found: list[Detection] = []
    lower = lower_words(text)

    def is_ordinary(word: str) -> bool:
        low = word.lower()
        return low in _ORDINARY or low in lower or low in ordinary

    def add(start: int, end: int, confidence: float, source: str, person: str = "") -> None:
        value = text[start:end]
        found.append(Detection(start, end, PERSON, value, confidence, source, person or fold(value)))

    mentions = find_mentions(text)
    single: list[tuple[int, int, str]] = []
    for mention in map(_drop_cue_words, mentions):
        if mention is None:
            continue
        tokens = mention.name.split()
        core = [fold(t) for t in tokens if t not in PARTICLES]
        key = fold(mention.name)
        if key in known_full:
            add(mention.start, mention.end, 0.95, "speaker", known_full[key])
        elif len(core) >= 2 and core[0] in firsts:
            add(mention.start, mention.end, 0.9, "lexicon:first-name")
        elif len(core) >= 2 and core[-1] in lasts and not _sentence_initial(text, mention.start):
            add(mention.start, mention.end, 0.75, "lexicon:surname")
        elif len(core) >= 2 and _SURNAME_ENDING.search(core[-1]) and core[0] not in NOT_SPEAKER_WORDS and (
            len(core) <= 3
        ):
            add(mention.start, mention.end, 0.7, "pattern:surname")
        elif len(core) >= 2 and _after_cue(text, mention.start) and _name_like(tokens):
            add(mention.start, mention.end, 0.8, "cue")
        else:
            for m in _WORD.finditer(mention.name):
                single.append((mention.start + m.start(), mention.start + m.end(), m.group()))

    found += _context_names(text, firsts, lasts, is_ordinary)

    # Full names found so far lend their words to later single-word mentions in the same text.
    doc_words: dict[str, set[str]] = {w: set(keys) for w, keys in known_words.items()}
    for d in sorted(found, key=lambda d: -len(d.text.split())):  # a single word joins a full name it is part of
        for token in d.text.split():
            if token not in PARTICLES and len(token) > 1 and (" " in d.text or fold(token) not in doc_words):
                doc_words.setdefault(fold(token), set()).add(d.person)
    corpus_words = corpus_words or {}
    for start, end, word in single:
        key = fold(word)
        genitive = key.endswith("s") and key not in doc_words and key not in corpus_words and (
            key[:-1] in doc_words or key[:-1] in corpus_words)
        base = key[:-1] if genitive else key  # genitive: "Olivias"
        prev, nxt = _previous_word(text, start), _next_word(text, end)
        at_start = _sentence_initial(text, start)
        placeish = fold(nxt) in _PLACE_CONTEXT or fold(prev) in _LOCATION_PREPOSITIONS or key in PLACE_WORDS
        if base in doc_words and not placeish:
            keys = doc_words[base]
            person = next(iter(keys)) if len(keys) == 1 else ""
            source = "speaker" if base in known_words else "propagated"
            add(start, end - genitive, 0.95 if source == "speaker" else 0.85, source, person)
        elif base in corpus_words and not placeish and not is_ordinary(word) and (
            base in firsts or base in lasts or not at_start or len(base) > 3
        ):
            keys = set(corpus_words[base])
            add(start, end - genitive, 0.8, "propagated:corpus", next(iter(keys)) if len(keys) == 1 else "")
        elif is_org_word(word) or key in NOT_SPEAKER_WORDS or role_head(word) is not None:
            continue
        elif _after_cue(text, start):
            if key in firsts or key in lasts or fold(prev) in _CUE_WORDS:
                add(start, end, 0.8, "cue")
        elif key in firsts and not at_start and key not in _AMBIGUOUS and not placeish:
            add(start, end, 0.7, "lexicon:first-name-alone")
        elif key in firsts and fold(prev) in _WEAK_CUES and not placeish:
            add(start, end, 0.6, "lexicon:first-name-alone")

    for start, end in ner_spans:
        value = text[start:end]
        words = [t for t in value.split() if t not in PARTICLES]
        if not _name_like(words):
            continue
        tokens = [fold(t) for t in words]
        known = fold(value) in known_full or all(t in doc_words or t in firsts or t in lasts for t in tokens)
        surname_like = len(tokens) >= 2 and (tokens[0] in firsts or tokens[-1] in lasts
                                             or _SURNAME_ENDING.search(tokens[-1]) is not None)
        confidence = 0.8 if known or surname_like else 0.45
        if confidence < 0.5 and not any(is_ordinary(w) or fold(w) in _REGION_WORDS for w in words):
            # The model's word alone, no list behind it: trust a full name, or a single word inside a sentence
            # that is no ordinary word, no short token and no item of a comma list ("Blekinge, Halland, Kronoberg").
            if len(words) >= 2:
                confidence = 0.7
            elif (len(words[0]) >= 4 and not _sentence_initial(text, start) and text[start - 2 : start] != ", "
                  and not text.startswith(",", end)):
                confidence = 0.6
        person = known_full.get(fold(value), "")
        if not person and len(tokens) == 1 and len(doc_words.get(tokens[0], ())) == 1:
            person = next(iter(doc_words[tokens[0]]))
        add(start, end, confidence, ner_source, person)
    return found


def lower_words(text: str) -> set[str]:
    """Words written in lower case in `text` outside e-mail addresses and URLs: ordinary words, not names."""
    return {w for w in _WORD.findall(_ADDRESSES.sub(" ", text)) if w.islower()}


def name_word(word: str, firsts: Collection[str]) -> bool:
    """A capitalised word that can be part of a name: no acronym, digit, place, organisation or role; a function
    word only when it is also a listed first name ("Hans")."""
    key = fold(word)
    return (word[:1].isupper() and not (len(word) > 1 and word.isupper()) and not any(ch.isdigit() for ch in word)
            and key not in PLACE_WORDS and not is_org_word(word) and role_head(word) is None
            and key not in _CUE_WORDS and (key not in NOT_SPEAKER_WORDS or key in firsts))


def _context_names(
    text: str, firsts: Collection[str], lasts: Collection[str], is_ordinary: Callable[[str], bool]
) -> list[Detection]:
    """Runs of 1–3 capitalised words that a cue around them marks as a person, or that are a listed first name
    before a surname ("Hans Andersson", which the mention finder drops as the pronoun "hans")."""
    found: list[Detection] = []
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        first = words[i]
        if not name_word(first.group(), firsts):
            i += 1
            continue
        j = i + 1
        while (j < len(words) and j - i < 3 and text[words[j - 1].end() : words[j].start()] == " "
               and name_word(words[j].group(), firsts)):
            j += 1
        run = words[i:j]
        start, end = run[0].start(), run[-1].end()
        keys = [fold(m.group()) for m in run]
        prev = _previous_word(text, start)
        nxt = _next_word(text, end)
        cue = fold(prev)
        cue_before = (cue in _CUE_WORDS and cue not in _WEAK_CUES) or cue in _CONTEXT_BEFORE or (
            prev != "" and role_head(prev) is not None)
        cue_after = fold(nxt) in _CONTEXT_AFTER or _BORN_AFTER.match(text, end) is not None
        listed = keys[0] in firsts and keys[0] not in _AMBIGUOUS
        surname_like = len(keys) >= 2 and (keys[-1] in lasts or _SURNAME_ENDING.search(keys[-1]) is not None)
        fresh = not is_ordinary(run[0].group())
        if prev[:1].isupper() and not cue_before and text[start - len(prev) - 1 : start] == prev + " ":
            i = j  # the tail of a longer proper noun ("Region Skåne", "Västra Götaland")
            continue
        if cue_before and cue not in _LOCATION_PREPOSITIONS and (len(keys) >= 2 or listed or keys[0] in firsts
                                                                         or keys[0] in lasts or fresh):
            found.append(Detection(start, end, PERSON, text[start:end], 0.8, "context", fold(text[start:end])))
        elif cue_after and (listed or fresh or surname_like) and fold(nxt) not in _PLACE_CONTEXT:
            found.append(Detection(start, end, PERSON, text[start:end], 0.75, "context", fold(text[start:end])))
        elif keys[0] in firsts and surname_like:
            found.append(Detection(start, end, PERSON, text[start:end], 0.85, "lexicon:full-name",
                                   fold(text[start:end])))
        i = j
    return found


def name_words(detections: Iterable[Detection], *, min_confidence: float = 0.8) -> dict[str, set[str]]:
    """Folded words of the full names (two words or more) among `detections` → the person keys they belong to;
    what `find_names(corpus_words=…)` propagates to other documents."""
    words: dict[str, set[str]] = {}
    for d in detections:
        if d.type != PERSON or d.confidence < min_confidence or " " not in d.text.strip() or not d.person:
            continue
        for token in d.text.split():
            if token not in PARTICLES and len(token) > 2:
                words.setdefault(fold(token), set()).add(d.person)
    return words
