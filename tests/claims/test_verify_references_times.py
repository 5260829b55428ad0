"""References to documents and times of day are elements of their own: another inquiry or statute number, or
another hour, contradicts; a reference or time the evidence does not name asks nothing of it. Deadlines and entry
into force said in other words ("senast" / "sista dag", "ikraftträdande" / "träder i kraft") are the same thing; a
stance ("välkomnar" / "beklagar") and a severity ("lindrig" / "allvarlig") have opposites; a restriction added to
a claim ("utom sjöfarten", "oavsett syfte") is not backed by a passage without it."""

from __future__ import annotations

from textsamverkan.claims.reasons.references import compare_references, references
from textsamverkan.claims.reasons.times import compare_times
from textsamverkan.claims.verdict import judge_evidence

REMISS = "Här kan du ta del av svaren på remissen SOU 2020:70, Fast omsorgskontakt i hemtjänsten."


def test_another_document_number_contradicts() -> None:
    verdict, _c, reasons = judge_evidence(REMISS.replace("2020:70", "2020:47"), REMISS)
    assert verdict == "contradicted"
    assert reasons["conflict"]["reference"] == [["SOU 2020:47", "SOU 2020:70"]]
    assert judge_evidence(REMISS, REMISS)[0] == "supported"
    statutes = "ändringar i förordningen (1995:1051) och i förordningen (2003:766)"
    assert compare_references("förordningen (2003:767)", statutes).conflict == [("2003:767", "2003:766")]
    # another kind of reference, or none, is no conflict
    assert not compare_references("SOU 2020:47", "prop. 2020/21:84").conflict
    assert not compare_references("SOU 2020:47", "Fast omsorgskontakt i hemtjänsten.").conflict
    assert [r.kind for r in references("prop. 2020/21:84, 2020/21:FPM18, Ds 2021:5, dir. 2020:89")] == [
        "prop", "fpm", "ds", "dir"
    ]  # fmt: skip


def test_another_time_of_day_contradicts() -> None:
    evidence = "Från den 1 mars 2021 gäller förbudet att servera alkohol från klockan 22.00."
    verdict, _c, reasons = judge_evidence(
        "Från den 1 mars 2021 gäller förbudet att servera alkohol från klockan 21.00.", evidence
    )
    assert verdict == "contradicted" and reasons["conflict"]["time"] == [["klockan 21.00", "klockan 22.00"]]
    # "kl. 22" is the time "22.00", not a number the evidence lacks
    verdict, _c, reasons = judge_evidence("Från 1 mars 2021 gäller förbudet att servera alkohol från kl. 22.", evidence)
    assert verdict == "supported", reasons
    assert reasons["found"]["time"] == ["kl. 22"] and "number" not in reasons["found"]
    assert not compare_times("kl. 8.30", "Mötet hölls den 3 maj.").conflict


def test_deadlines_and_entry_into_force_in_other_words() -> None:
    deadline = "Sista dag att svara på remissen är den 26 mars 2021."
    assert judge_evidence("Remissvaren ska ha lämnats senast den 26 mars 2021.", deadline)[0] == "supported"
    assert judge_evidence("Remissvar senast 26 mars 2021.", deadline)[0] == "supported"
    in_force = "Dessa lagändringar föreslås träda i kraft den 5 februari 2021."
    assert judge_evidence("Föreslaget ikraftträdande för dessa ändringar: 5 februari 2021.", in_force)[0] == "supported"
    assert judge_evidence("Föreslaget ikraftträdande för dessa ändringar: 5 mars 2021.", in_force)[0] == "contradicted"


def test_stance_and_severity_have_opposites() -> None:
    welcome = "Regeringen välkomnar att kommissionen ger den gröna omställningen en framträdande plats i strategin."
    verdict, _c, reasons = judge_evidence(welcome.replace("välkomnar", "beklagar"), welcome)
    assert verdict == "contradicted", reasons
    severe = "Covid-19 är en allvarlig sjukdom som i de svåraste fallen har en dödlig utgång."
    assert judge_evidence("Covid-19 är en lindrig sjukdom som sällan har en dödlig utgång.", severe)[0] != "supported"


def test_an_added_restriction_is_not_backed() -> None:
    evidence = "Meddelandet omfattar samtliga trafikslag."
    verdict, _c, reasons = judge_evidence("Meddelandet omfattar samtliga trafikslag utom sjöfarten.", evidence)
    assert verdict == "partly" and "utom" in reasons["missing"]
    assert judge_evidence("Meddelandet gäller samtliga trafikslag.", evidence)[0] == "supported"
