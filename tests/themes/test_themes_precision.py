"""Precision rules of the default codebook outside care text: the verb "möta" is not a meeting, meetings of the EU,
UN and committees are not collaboration structures, lists and headings of laws are not statements, and the words
that need a care context (meetings, agreements, training, prevention, doctors, journals) only count in one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from textsamverkan.themes.statements import is_reference_list, is_title, law_titles_in_heading, names_only
from textsamverkan.themes.terms import TermIndex, parse_term


@pytest.mark.parametrize(
    "text",
    [
        "Hur avser ministern att möta de ökade kostnaderna för försvaret i regionen?",
        "Statsministern mötte EU:s ledare på toppmötet i Bryssel.",
        "Finansutskottets möte den 12 maj behandlade vårändringsbudgeten.",
        "Nätverket för unga företagare träffas varje månad.",
    ],
)
def test_meetings_outside_care_are_not_governance(codes_of: Callable[[str], set[str]], text: str) -> None:
    assert "governance" not in codes_of(text)


def test_care_meetings_are_governance(codes_of: Callable[[str], set[str]]) -> None:
    assert "governance" in codes_of("Varje vecka hade vi möte med kommunerna och regionens smittskydd.")
    assert "governance" in codes_of("Region och kommuner har en gemensam ledningsgrupp för äldreomsorgen.")


def test_noun_term_does_not_match_the_verb() -> None:
    index = TermIndex()
    n = index.add(parse_term("-möte"))
    assert n in index.lookup("mötet", "mötet")
    assert n in index.lookup("samverkansmöte", "samverkansmöte")
    for verb in ("möta", "möter", "mötte", "mötas"):
        assert n not in index.lookup(verb, verb), verb
        assert n not in index.lookup(verb, "möte"), verb  # a lemmatizer that maps the verb onto the noun


def test_the_auxiliary_ska_is_no_school() -> None:
    """"ska" gets the lemma "skola", the noun of the school exclusions: no form of the auxiliary is that noun."""
    index = TermIndex()
    n = index.add(parse_term("skola"))
    assert n in index.lookup("skolan", "skola")
    for verb in ("ska", "skall", "skulle"):
        assert n not in index.lookup(verb, "skola"), verb


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a sentence with "ska" lost both codes to their school exclusions before theme round 32
        ("Personalen i hemtjänsten ska få utbildning i basala hygienrutiner.", "competence"),
        ("Kommunen och regionen ska ha ett gemensamt möte om utskrivningarna varje vecka.", "governance"),
        ("Undersköterskorna skulle gå en kurs i äldreomsorgen under hösten.", "competence"),
    ],
)
def test_sentences_with_ska_keep_their_codes(codes_of: Callable[[str], set[str]], text: str, code: str) -> None:
    assert code in codes_of(text)


def test_a_school_still_excludes_competence(codes_of: Callable[[str], set[str]]) -> None:
    assert "competence" not in codes_of("Lärarna på skolan ska få utbildning i hur vården fungerar.")


@pytest.mark.parametrize(
    "text",
    [
        "Lagar som ändras: socialtjänstlagen (2001:453), hälso- och sjukvårdslagen (2017:30).",
        "Lag (2020:123) om ändring i socialtjänstlagen (2001:453) och hälso- och sjukvårdslagen.",
    ],
)
def test_law_lists_are_not_coded(codes_of: Callable[[str], set[str]], text: str) -> None:
    assert is_reference_list(text)
    assert codes_of(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "4.1 Läkarmedverkan",
        "4.2 Vårdhygien och smittskydd",
        "3.1 Läkarmedverkan i kommunal hälso- och sjukvård",
        "§ 40 Vaccination hösten 2026",
        "2 Skyddsutrustning",
        "6 Kompetens och bemanning",
    ],
)
def test_numbered_section_headings_are_not_coded(codes_of: Callable[[str], set[str]], text: str) -> None:
    assert is_title(text)
    assert codes_of(text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Läkarmedverkan", "physician_access"),  # a bullet of one word ("● Läkemedelsgenomgångar") is content
        ("2) Brist på munskydd i hemtjänsten", "ppe"),  # a numbered list item
        ("4.1 Läkarmedverkan fungerar inte på helgerna.", "physician_access"),  # a sentence after a number
        ("3.2 Munskydd: 300 st", "ppe"),  # a figure: a finding, not a heading
        ("3 sjuksköterskor saknar munskydd", "ppe"),  # an amount, not a section number
    ],
)
def test_list_items_and_numbered_sentences_are_still_coded(
    codes_of: Callable[[str], set[str]], text: str, code: str
) -> None:
    assert not is_title(text)
    assert code in codes_of(text)


def test_statement_naming_both_laws_is_still_sol_hsl(codes_of: Callable[[str], set[str]]) -> None:
    text = "Gränsen mellan socialtjänstlagen och hälso- och sjukvårdslagen skapar problem för kommunens personal."
    assert not is_reference_list(text)
    assert "sol_hsl" in codes_of(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Två lagar styr jakten, jaktlagen och vapenlagen.", "sol_hsl"),
        ("Polisens förebyggande arbete mot brott i skolan ska stärkas.", "prevention"),
        ("Avtalet med Turkiet om migration omförhandlades.", "agreements"),
        ("Utbildningen till pilot tar tre år.", "competence"),
        ("Läkaren utfärdade ett oskuldsintyg.", "physician_access"),
        ("Banken införde ett nytt it-system för betalningar.", "information_transfer"),
        ("Vi försöker begränsa spridningen av falska nyheter på nätet.", "infection_control"),
        ("Kriminalvårdens kapacitet räcker inte.", "capacity"),
        ("Skådespelaren bär en mask genom hela pjäsen.", "ppe"),
        ("Andelen som var positiva till förslaget var 55 procent.", "testing"),
        ("Provtagningen av badvattnet visade höga halter av bakterier.", "testing"),
        ("Hon kom tillbaka till arbetet frisk och utvilad efter semestern.", "testing"),
        ("Elevernas resultat i PISA-testet har förbättrats.", "testing"),
        ("Veterinären gör hembesök hos hästägare i hela länet.", "physician_access"),
        ("Biskopen ska ordinera tre nya präster i september.", "medicines"),
        ("Blaise Pascal formulerade en berömd sats om sannolikhet.", "medicines"),
        ("Millennium sändes i tv som en serie i sex delar.", "information_transfer"),
        ("Ansök om bygglov digitalt via kommunens e-tjänst.", "information_transfer"),
        ("Trafikverket beslutade om en kapacitetsförstärkning av järnvägen.", "capacity"),
        ("Hotellet har 120 sängplatser.", "capacity"),
        ("Beredskapslager av spannmål byggs upp igen.", "ppe"),
        ("Varje elev ska ha en individuell studieplan.", "care_plans"),
        ("Åtgärderna ska begränsa spridningen av datavirus i kommunens nätverk.", "infection_control"),
        ("Ett kompetenslyft för näringslivets digitalisering föreslås.", "competence"),
    ],
)
def test_words_that_need_a_care_context(codes_of: Callable[[str], set[str]], text: str, code: str) -> None:
    assert code not in codes_of(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Personalen på boendet bar mask hela dagen.", "ppe"),
        ("Förebyggande arbete mot fallolyckor bland äldre minskar behovet av vård.", "prevention"),
        ("Hälso- och sjukvårdsavtalet mellan regionen och kommunerna ska omförhandlas.", "agreements"),
        ("Undersköterskorna i hemtjänsten behöver mer utbildning.", "competence"),
        ("Det är svårt att få en läkare till det särskilda boendet.", "physician_access"),
        ("Kommunen och regionen kan inte läsa varandras journaler om patienten.", "information_transfer"),
        ("Vi måste begränsa spridningen av viruset på boendet.", "infection_control"),
        ("Drygt 15 procent av proverna var positiva.", "testing"),
        ("Provtagningen av de boende gjordes varje vecka.", "testing"),
        ("Läkaren gjorde hembesök hos den äldre mannen.", "physician_access"),
        ("Beredskapslager av skyddsutrustning byggs upp i regionen.", "ppe"),
        ("Dosdispenseringen sköts genom Pascal.", "medicines"),
        ("Sjuksköterskan dokumenterar i Millennium.", "information_transfer"),
        ("Kompetenslyftet för undersköterskor i äldreomsorgen fortsätter.", "competence"),
    ],
)
def test_the_same_words_in_care_still_code(codes_of: Callable[[str], set[str]], text: str, code: str) -> None:
    assert code in codes_of(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Från våren utökas de mobila läkarteamen med ett tredje team.", "physician_access"),
        ("Förslag: stänga 8 korttidsplatser på Hagalund", "capacity"),
        ("Tillägget behandlas i den politiska samverkansberedningen den 12 februari.", "governance"),
    ],
)
def test_words_the_code_descriptions_name(codes_of: Callable[[str], set[str]], text: str, code: str) -> None:
    """Mobile doctors' teams, short-term places and political collaboration bodies are in the codes' descriptions."""
    assert code in codes_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Till: Vårdhygien, Region Norrmården; Närsjukvården västra",
        "Från: Mona Ek, hygiensjuksköterska, Vårdhygien",
        "Närvarande: Kristina Holm (MAS), Peter Ny (verksamhetschef närsjukvård), Ingela Sundqvist (läkarteamet)",
    ],
)
def test_header_lines_of_mails_and_minutes_are_not_coded(codes_of: Callable[[str], set[str]], text: str) -> None:
    assert names_only(text)
    assert codes_of(text) == set()


def test_a_sentence_that_mentions_a_recipient_is_still_coded(codes_of: Callable[[str], set[str]]) -> None:
    text = "Skicka frågor om munskydd till vårdhygien: de svarar samma dag."
    assert not names_only(text)
    assert "ppe" in codes_of(text)


def test_a_section_heading_followed_by_prose_is_not_coded_but_slide_lines_are() -> None:
    """Also a numbered heading of minutes ("8. Vårdplanering" alone before prose), which ingest labels a heading."""
    from textsamverkan.ingest.structure import BOILERPLATE, find_blocks
    from textsamverkan.themes.statements import section_headings

    report = "Vårdplanering\nEn samordnad individuell plan ska erbjudas alla som skrivs ut från sjukhuset.\n"
    slides = "Fler SIP-möten i år\nFärre vårdplatser i regionen, kortare vårdtider\nDigitala vårdmöten i hemmen\n"
    minutes = "Närvarande: Hanna, Alva\n8. Vårdplanering\nTre patienter kom hem utan samordnad individuell plan.\n"
    for text, expected in ((report, {"Vårdplanering"}), (slides, set()), (minutes, {"8. Vårdplanering"})):
        passages = [(b.start, b.end, b.label) for b in find_blocks(text) if b.label != BOILERPLATE]
        assert {text[a:b] for a, b in section_headings(text, passages)} == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the state's agreements with SKR are national, not between a region and its municipalities (theme round 25)
        ("Regeringen och SKR ser ett behov av att revidera den tidigare överenskommelsen.", "agreements"),
        ("Socialdepartementet och Sveriges Kommuner och Regioner har tagit fram en överenskommelse om vården.",
         "agreements"),
        ("Det är därför positivt att andelen laddbara bilar ökar snabbt.", "testing"),
        ("Regeringen bör utöka dagens provtagning och övervakning av dioxin i fisk.", "testing"),
        ("Macken säljer livsmedel och är ombud för Systembolaget, Apoteket AB och Postnord.", "medicines"),
        # the education minister, recruitment into crime, a national agreement on a subject of care (theme round 26)
        ("Därför vill jag fråga utbildningsministern om omsorgen på obekväm arbetstid.", "competence"),
        ("Barn rekryteras till organiserad brottslighet, vilket kostar vård och socialtjänst.", "competence"),
        ("Utvärderingen ska klarlägga om överenskommelsen om äldreomsorg bidrar till målet.", "agreements"),
        ("Ärendena ska anmälas till Läkemedelsförsäkringen men handläggas av Kammarkollegiet.", "medicines"),
        ("Apotekspersonal ska ha tystnadsplikt även när de expedierar läkemedel för djur.", "medicines"),
        ("Regeringen vill inskränka äganderätten på apoteksmarknaden.", "medicines"),
        # damages for a drug injury, clinical trials, farm animals, a misspelt agency, a petrol station (theme round 30)
        ("Den skadade ska få ersättning för skador som orsakats av läkemedel.", "medicines"),
        ("Kammarkollegiet sköter skaderegleringen och ersättningen för läkemedelsskador.", "medicines"),
        ("Vaccinet är ett läkemedel som inte omfattas av Läkemedelsförsäkringen.", "medicines"),
        ("Den nya förordningen om kliniska prövningar av humanläkemedel börjar tillämpas i januari.", "medicines"),
        ("Svenska lantbrukare använder mindre antibiotika än lantbrukare i andra länder.", "medicines"),
        ("Regeringen gav Läkemedelverket i uppdrag att lämna en rapport.", "medicines"),
        ("På orten är macken både post, apotek och dagligvaruhandel.", "medicines"),
        # university education at large, hunters' training and a client's duty under the Social Services Act to
        # learn Swedish are not care staff's competence (theme round 32)
        ("Jag har lyft frågan med ministern för universitetsutbildningarna om vårdens behov.", "competence"),
        ("Jägarna fick utbildning i vården av skadat vilt.", "competence"),
        ("Enligt förslaget i Socialtjänstlagen deltar den enskilde i vuxenutbildning i svenska.", "competence"),
        # knowledge compiled about a subject is a knowledge base, not the knowledge of staff (theme round 35)
        ("Utredningen ska sammanställa vilken kunskap om förlossningspsykos som finns i vården.", "competence"),
        ("Centret ska samla och tillgängliggöra kunskap om hur socialtjänsten arbetar med försvunna barn.",
         "competence"),
    ],
)
def test_look_alikes_on_government_text_are_not_coded(
    codes_of: Callable[[str], set[str]], text: str, code: str
) -> None:
    assert code not in codes_of(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Regionen och kommunerna har tecknat en ny överenskommelse om hemsjukvården.", "agreements"),
        ("Regeringen vill att regioner och kommuner tecknar hälso- och sjukvårdsavtal.", "agreements"),
        ("Vaccinationen av de äldre på boendena går snabbt.", "prevention"),
        ("Andelen positiva prover sjönk under sommaren.", "testing"),
        ("Apoteket hade brist på läkemedel under våren.", "medicines"),
        ("Därför vill jag fråga utbildningsministern om utbildningen av personalen i omsorgen.", "competence"),
        ("Vi skriver in i överenskommelsen med hemtjänsten vem som beställer skyddsutrustning.", "agreements"),
        ("Regionen och kommunerna har en överenskommelse om vem som betalar.", "agreements"),
        ("Sjuksköterskan hämtar läkemedlen på apoteket varje fredag.", "medicines"),
        ("Läkemedelsverket ska kartlägga tillgången på läkemedel i landet.", "medicines"),
        ("Sjuksköterskan ska kontrollera att rätt läkemedel ges, annars kan patienten ta skada.", "medicines"),
        ("Läkaren bedömde att hennes läkemedel behövde ses över efter fallet.", "medicines"),
        ("Sjuksköterskeutbildningen vid universitetet ska ge mer kunskap om äldrevård.", "competence"),
        # the staff's knowledge, with a word of compiling far from it (theme round 35)
        ("Regionen ska kartlägga behoven och sedan öka kunskapen hos personalen i hemtjänsten.", "competence"),
    ],
)
def test_the_same_words_in_care_text_are_still_coded(
    codes_of: Callable[[str], set[str]], text: str, code: str
) -> None:
    assert code in codes_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017/18:233 Utökade möjligheter till utbyte av läkemedel, prop.", True),
        ("2019/20:158 Senarelagt införande av nationell läkemedelslista och bastjänstgöring för läkare", True),
        # a statement that names a bill, and a reply's title, are not items of a list of bills
        ("I motion 2026/27:877 begärs att alla kommuner ska få farmaceutiskt stöd vid läkemedelsgenomgångar.", False),
        ("Svar på interpellation 2026/27:84 om läkarmedverkan och beredskap i äldreomsorgen", False),
    ],
)
def test_an_item_of_a_list_of_bills_is_a_reference(text: str, expected: bool) -> None:
    assert is_reference_list(text) is expected


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("# En ny lag om tillfälliga smittskyddsåtgärder på serveringsställen",
         ["tillfälliga smittskyddsåtgärder på serveringsställen"]),
        ("### Lagen respektive förordningen om tillfälliga smittskyddsåtgärder på serveringsställen förlängs",
         ["tillfälliga smittskyddsåtgärder på serveringsställen"]),
        ("[Lagen om särskilda begränsningar för att förhindra spridning av sjukdomen covid-19 förlängs](#s3)",
         ["särskilda begränsningar för att förhindra spridning av sjukdomen covid-19"]),
        ("# Fortsatt giltighet av covid-19-lagen och lagen om tillfälliga smittskyddsåtgärder på serveringsställen",
         ["tillfälliga smittskyddsåtgärder på serveringsställen"]),
        # a sentence that is no heading names the law in what it says of it
        ("Regeringen föreslår att lagen om register över nationella vaccinationsprogram ändras.", []),
        ("# Besöksförbudet på äldreboenden upphör 1 oktober", []),
    ],
)
def test_the_titles_of_laws_a_heading_names(text: str, titles: list[str]) -> None:
    assert [text[a:b] for a, b in law_titles_in_heading(text)] == titles


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a heading that names a law names its subject only in the title (theme round 34)
        ("# En ny lag om tillfälliga smittskyddsåtgärder på serveringsställen", False),
        ("[Förordningen om tillfälliga smittskyddsåtgärder på serveringsställen förlängs](#s15)", False),
        # a proposal to change the law, and a heading that says more than the law's title, stay coded
        ("Regeringen föreslår att lagen om tillfälliga smittskyddsåtgärder på serveringsställen ändras.", True),
        ("# Smittskyddsåtgärder på äldreboenden och lagen om tillfälliga smittskyddsåtgärder", True),
    ],
)
def test_a_heading_that_names_a_law_is_no_mention(
    codes_of: Callable[[str], set[str]], text: str, coded: bool
) -> None:
    assert ("infection_control" in codes_of(text)) is coded

