"""Common first names in Sweden, for telling a one-word speaker label ("Olivia:") from a heading ("Bakgrund:").

Written by hand from general knowledge of the names common in Sweden (traditional Swedish and Nordic names,
and names common among people born abroad or to parents born abroad). It is evidence, not a gate: a one-word
label that is not here can still be a person when the text writes it as part of a full name or mid-sentence.
Compared by folded key (accents removed, lower case).
"""

from __future__ import annotations

import unicodedata

_NAMES = """
    ada adam adrian agnes ahmad ahmed aina albert albin alexander alexandra alfred ali alice alicia alma alva
    alvar alvin amanda amelia amina amir ana anders andreas andrea andré angelica angelika anita ann anna annie
    anne anneli annelie annika anton antonia arne arvid asta astrid august axel barbro beata bengt benjamin
    berit bertil birgitta birgit bjorn björn bo boris britt britta brita caroline carina carin carl carlos
    caisa cajsa camilla carola cecilia charlotta charlotte christer christian christina christine christoffer
    claes clara cornelia dag dagmar dan daniel daniela david denise dennis diana dina ebba edvin edith eddie
    elias elin elina elisabet elisabeth ella ellen ellie elsa elvira emelie emil emilia emma emmy engla erik
    erika eric ester eva evelina ewa fabian fanny fatima felicia felix filip fia frank frida fredrik freja
    gabriel gabriella gerd gert gisela greta gun gunilla gunnar gustav gustaf hampus hamid hanna hannah hans
    harald hasse hassan hedda hedvig helen helena helene helga henrik henry herman hilda hillevi hugo hussein
    ibrahim ida ines inga inger ingrid ingvar irene irène iréne iris isabel isabella isabelle isak ivar jakob
    jacob jan jana jane janne jasmin jenny jennie jens jeanette jeannette jesper jessica joakim joel johan
    johanna johannes john johnny jon jonas jonathan jonna josef josefin josefine julia julian juni jörgen
    kajsa kalle karin karina karl kaj katarina kathrin katja kenneth kent kerstin kevin kim kjell klara
    kristian kristina kristin kurt lage lars lasse laura lea leif lena lennart leo leon liam lilly lina
    linda linn linnea linnéa lisa lise liselotte liv lotta louise love lovisa lucas ludvig lukas lydia
    madeleine magdalena magnus maja majken malin malte marcus marie maria marianne marika marina mario mark
    markus marta martin mathias mattias max maximilian maya mehmet melker melvin mia michael mikael mikaela
    milla milo mira mohamed mohammad mohammed moa molly mona monica monika morgan muhammad märta måns mårten
    nadia nathalie natalie neo nicklas niklas nicole nils nina noah noel nora nour olivia ola olle olof olov
    omar oscar oskar otto patrik paula paulina per pernilla peter petra philip pia pontus ragnar ramona
    rasmus rebecka reza richard rickard rikard rita robert robin roger roland rolf rosa rune rut ruth sabina
    sahar sally sam samir samuel sandra sara sarah saga sebastian selma siv sigrid simon simone sixten sofia
    sofie sonja stefan stella sten stig stina susanne svante sven sverker sylvia tage tea ted theo theodor
    therese thomas tilda tilde tim tina tobias tom tomas tommy tora torbjörn tord tove ture tuva ulf ulla
    ulrika ursula valter vanessa vera veronica veronika victor viktor viktoria victoria vilma viola ville
    vincent william wilma yasmin yusuf yvonne zara zeynep åsa åke ebbe ove ronja marit mats nils-erik
    agneta alf allan annette anette annica annicka beatrice benny bert birger bodil bosse börje catarina
    catharina catherine chris christopher claus conny eivor elise elizabeth erling eskil georg gertrud göran
    göte greger gudrun gunhild gunnel gunvor harriet heidi holger håkan ina inge ingegerd ingela ingemar
    ismail jamal jarl jerry jimmy kersti krister laila lisbeth margareta margit marita maud mariam murad
    niclas odd peder petter pär rigmor ronny roy rosita sigvard solveig sonia staffan stellan sture sune
    susanna suzanne sören tanja tone tore torgny torsten ulrica ulrik urban willy ylva yngve hamza osama juan
    marco ilona magda marielle mirja siw
"""



def _key(word: str) -> str:
    """The folded key (as `names.fold`, which imports this module): accents removed, lower case."""
    decomposed = unicodedata.normalize("NFKD", word.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


FIRST_NAMES = frozenset(_key(name) for name in _NAMES.split())


def is_first_name(word: str) -> bool:
    """True for a common first name, in any case or accent ("Olivia", "IRENE", "Iréne"); a hyphenated name is
    one when each part is ("Ann-Britt", "Lars-Olof")."""
    key = _key(word)
    return key in FIRST_NAMES or ("-" in key and all(part in FIRST_NAMES for part in key.split("-")))
