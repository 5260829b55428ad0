"""Build the first-name and surname lists of the PII name detector from Riksdag person names (Wikidata-derived).

Usage: python scripts/pii/build_name_lists.py PERSONS_FOLDER
PERSONS_FOLDER is riksdagen-persons' data folder (the file name.csv). Writes src/textsamverkan/pii/data/
first_names.txt and surnames.txt, one folded-case name per line, sorted. The lists are built once and committed;
the synthetic evaluation set draws its names from its own, separate list (benchmarks/pii/names.py).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "textsamverkan" / "pii" / "data"
MIN_COUNT = 2
# Common given names of people living in Sweden today that a list of historical MPs lacks (from memory of
# Statistics Sweden's name statistics; written before the evaluation set was generated).
MODERN_FIRST = """
Alice Maja Vera Ella Wilma Alma Olivia Astrid Ebba Selma Saga Elsa Agnes Freja Alva Stella Clara Signe Nova Ellie
Lilly Ines Leah Emilia Hanna Julia Moa Ida Linnea Felicia Matilda Amanda Josefin Sofie Madeleine Jenny Jessica
Malin Sandra Therese Caroline Frida Emelie Johanna Elin Sanna Tove Tilda Nellie Liv Iris Juni Majken Lova
Noah William Hugo Lucas Liam Oliver Elias Alexander Adam Oscar Leo Vincent Theo Filip Nils Ludvig Axel Arvid Melvin
Isak Edvin Alfred Valter Sixten Loke Viggo Elton Melker Ture Harry Gustav Albin Max Sam Kevin Robin Jimmy Johnny
Dennis Patrik Tommy Niklas Fredrik Jonas Mattias Andreas Daniel Marcus Sebastian Rasmus Emil Jesper Joakim Kristoffer
Mohammed Muhammad Mohamed Ahmed Ali Hassan Hussein Omar Yusuf Ibrahim Abdullahi Mustafa Mahmoud Karim Amir Reza
Mehdi Hamid Said Khalid Tariq Samir Nabil Yasin Bilal Hamza Zakaria Ismail Abdi Abdirahman Mehmet Emre Murat
Fatima Aisha Amina Maryam Zainab Leila Yasmin Noor Sara Hiba Asma Hodan Fadumo Samira Nadia Rania Zahra Shirin
Maria Anna Eva Karin Kristina Lena Kerstin Ingrid Marie Birgitta Inger Annika Ulla Margareta Elisabeth Susanne
Monica Camilla Helena Charlotte Katarina Petra Åsa Pia Ulrika Anneli Carina Jeanette Irene Irène Iréne Mirja
Piotr Pawel Tomasz Katarzyna Agnieszka Aleksandra Dragan Milan Goran Jelena Ivana Mirela Dzenana Emir Amra
Nguyen Linh Mai Tuan Minh Juan Carlos Pedro Lucia Ana Diego Hiwot Meron Yonas Dawit Selam Tesfaye
"""


def main(folder: str) -> None:
    firsts: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    with (Path(folder) / "name.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parts = row["name"].split()
            if len(parts) < 2 or not all(p[:1].isupper() and p.replace("-", "").isalpha() for p in parts):
                continue
            firsts[parts[0]] += 1
            lasts[parts[-1]] += 1
    for name in MODERN_FIRST.split():
        firsts[name] += MIN_COUNT
    OUT.mkdir(parents=True, exist_ok=True)
    for name, counts in (("first_names.txt", firsts), ("surnames.txt", lasts)):
        words = sorted({w.casefold() for w, n in counts.items() if n >= MIN_COUNT and len(w) > 1})
        (OUT / name).write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"{name}: {len(words)}")


if __name__ == "__main__":
    main(sys.argv[1])
