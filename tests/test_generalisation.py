"""Generalisation tests for :func:`analysis.extraction.extract_figures`.

Hand-written sentences and short articles in press styles that do not occur in the
seed corpus: AFP dispatches, communiqués of the French ministry of the armed forces
(Opération Chammal), CJTF-OIR press releases translated into French, and regional
papers (Ouest-France, L'Orient-Le Jour, Le Parisien), 2014-2024.

Each case lists the figures that must be extracted (keyed by their exact ``text``)
with the properties that matter, and the traps that must not be extracted (no row
may overlap any occurrence of a trap string).  When ``only`` is given, the set of
extracted texts must be exactly that multiset.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pytest

from analysis.extraction import extract_figures


@dataclass
class Case:
    id: str
    text: str
    published: date
    expect: dict[str, dict] = field(default_factory=dict)
    traps: list[str] = field(default_factory=list)
    only: list[str] | None = None


def run(text: str, published: date) -> list[dict]:
    rows = extract_figures(text, published=published, precision="day", language="fr", file="gen.txt")
    for r in rows:
        # Structural invariants of every row.
        assert r["text"] == text[r["start"]:r["end"]], r
        assert r["sentence"] == text[r["sentence_start"]:r["sentence_end"]], r
        assert r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"], r
        assert r["file"] == "gen.txt"
    return rows


def the_row(rows: list[dict], text: str) -> dict:
    hits = [r for r in rows if r["text"] == text]
    assert len(hits) == 1, f"{text!r} should be extracted exactly once; got {[r['text'] for r in rows]}"
    return hits[0]


def overlaps(row: dict, start: int, end: int) -> bool:
    return row["start"] < end and start < row["end"]


def check(case: Case) -> None:
    rows = run(case.text, case.published)
    got = [r["text"] for r in rows]
    for text, props in case.expect.items():
        row = the_row(rows, text)
        for key, want in props.items():
            have = row[key]
            if isinstance(want, float) and have is not None:
                assert have == pytest.approx(want), f"{text!r}: {key} = {have!r}, expected {want!r}"
            else:
                assert have == want, f"{text!r}: {key} = {have!r}, expected {want!r}"
    for trap in case.traps:
        assert trap in case.text, f"trap {trap!r} missing from the case text"
        i = case.text.find(trap)
        while i != -1:
            bad = [r["text"] for r in rows if overlaps(r, i, i + len(trap))]
            assert not bad, f"trap {trap!r} extracted as {bad}"
            i = case.text.find(trap, i + 1)
    if case.only is not None:
        assert Counter(got) == Counter(case.only), f"extracted {got}, expected exactly {case.only}"


def exact(v):
    return {"value": v, "low": v, "high": v, "qualifier": "exact"}


D = date

# ---------------------------------------------------------------------------
# AFP dispatches ("VILLE (AFP) - ...")
# ---------------------------------------------------------------------------
AFP = [
    Case(
        "afp_ain_al_asad_at_least_three_rockets_tuesday",
        "BAGDAD (AFP) - Au moins trois roquettes tirées par une milice pro-iranienne se sont "
        "abattues mardi soir sur la base aérienne d'Aïn al-Asad, qui abrite des soldats "
        "américains, a indiqué l'armée irakienne.",
        D(2020, 1, 15),  # a Wednesday
        expect={"Au moins trois": {"value": 3, "low": 3, "high": None, "qualifier": "at_least",
                                   "category": "rockets", "actor": "iran_backed",
                                   "period_start": D(2020, 1, 14), "period_end": D(2020, 1, 14),
                                   "time_precision": "day"}},
        traps=["(AFP)"],
        only=["Au moins trois"],
    ),
    Case(
        "afp_tower22_killed_and_wounded_sunday",
        "AMMAN (AFP) - Trois soldats américains ont été tués et plus de 40 blessés dimanche dans "
        "une attaque de drone contre la base logistique dite Tower 22, dans le nord-est de la "
        "Jordanie, a annoncé le président Joe Biden.",
        D(2024, 1, 29),  # a Monday
        expect={
            "Trois": {**exact(3), "category": "killed"},
            "plus de 40": {"value": 40, "low": 41, "high": None, "qualifier": "more_than",
                           "category": "wounded",
                           "period_start": D(2024, 1, 28), "period_end": D(2024, 1, 28)},
        },
        traps=["Tower 22"],
        only=["Trois", "plus de 40"],
    ),
    Case(
        "afp_islamic_resistance_claims_attacks",
        "WASHINGTON (AFP) - Washington a imputé l'attaque à la Résistance islamique en Irak, une "
        "nébuleuse de groupes armés pro-iraniens qui a revendiqué plus de 160 attaques contre les "
        "forces américaines en Irak et en Syrie depuis la mi-octobre.",
        D(2024, 1, 29),
        expect={"plus de 160": {"value": 160, "low": 161, "high": None, "qualifier": "more_than",
                                "category": "attacks", "actor": "iran_backed"}},
        only=["plus de 160"],
    ),
    Case(
        "afp_mosul_civilians_dotted_thousands",
        "MOSSOUL (Irak) (AFP) - Les forces irakiennes ont lancé dimanche l'offensive pour reprendre "
        "l'ouest de Mossoul, où près de 750.000 civils sont toujours pris au piège, selon l'ONU.",
        D(2017, 2, 20),
        expect={"près de 750.000": {"value": 750000, "low": None, "high": None,
                                    "qualifier": "about", "category": "other"}},
        only=["près de 750.000"],
    ),
    Case(
        "afp_mosul_word_number_killed_by_iraqi_forces",
        "MOSSOUL (AFP) - Les forces antiterroristes irakiennes ont tué vingt-sept jihadistes lundi "
        "dans le quartier d'al-Zahraa, a indiqué le commandement des opérations conjointes.",
        D(2016, 11, 8),
        expect={"vingt-sept": {**exact(27), "category": "killed", "actor": "iraq"}},
        only=["vingt-sept"],
    ),
    Case(
        "afp_baghuz_quelque_arrested_by_sdf",
        "BAGHOUZ (Syrie) (AFP) - Quelque 3.000 jihadistes ont été arrêtés par les Forces "
        "démocratiques syriennes (FDS) au cours des dernières 24 heures, a annoncé mercredi un "
        "porte-parole.",
        D(2019, 3, 6),
        expect={"Quelque 3.000": {"value": 3000, "low": None, "high": None, "qualifier": "about",
                                  "category": "captured", "actor": "sdf"}},
        traps=["24 heures"],
        only=["Quelque 3.000"],
    ),
    Case(
        "afp_isis_attacks_last_month",
        "BAAQOUBA (Irak) (AFP) - Le groupe État islamique a mené 12 attaques contre l'armée "
        "irakienne dans la province de Diyala le mois dernier, selon un responsable local.",
        D(2019, 4, 10),
        expect={"12": {**exact(12), "category": "attacks", "actor": "isis",
                       "period_start": D(2019, 3, 1), "period_end": D(2019, 3, 31),
                       "time_precision": "month"}},
        only=["12"],
    ),
]

# ---------------------------------------------------------------------------
# Ministère des Armées communiqués (Opération Chammal)
# ---------------------------------------------------------------------------
CHAMMAL = [
    Case(
        "chammal_rafale_strikes_last_week",
        "Opération Chammal – point de situation. La semaine dernière, les Rafale de l'opération "
        "Chammal ont conduit 12 frappes en appui des Forces démocratiques syriennes dans la "
        "moyenne vallée de l'Euphrate.",
        D(2019, 3, 14),  # a Thursday
        expect={"12": {**exact(12), "category": "strikes", "actor": "france",
                       "period_start": D(2019, 3, 4), "period_end": D(2019, 3, 10),
                       "time_precision": "week"}},
        only=["12"],
    ),
    Case(
        "chammal_strikes_and_destroyed_positions_date_range",
        "Du 4 au 10 mars, les aéronefs français ont conduit 9 frappes et détruit 14 positions de "
        "Daech dans la région de Baghouz.",
        D(2019, 3, 14),
        expect={
            "9": {**exact(9), "category": "strikes", "actor": "france"},
            "14": {**exact(14), "category": "destroyed", "actor": "france"},
        },
        traps=["Du 4 au 10 mars"],
        only=["9", "14"],
    ),
    Case(
        "chammal_wagram_artillery_rounds",
        "Depuis septembre 2016, les artilleurs français de la Task Force Wagram ont tiré plus de "
        "1 500 obus avec leurs canons CAESAR de 155 mm en appui des forces irakiennes autour de "
        "Mossoul.",
        D(2017, 3, 1),
        expect={"plus de 1 500": {"value": 1500, "low": 1501, "high": None,
                                  "qualifier": "more_than", "category": "artillery_rounds",
                                  "actor": "france"}},
        traps=["septembre 2016", "155 mm"],
        only=["plus de 1 500"],
    ),
    Case(
        "chammal_narrow_nbsp_thousands_troops",
        "Au total, 1\u202f400 militaires français sont engagés dans l'opération Chammal, au Levant.",
        D(2018, 6, 1),
        expect={"1\u202f400": {**exact(1400), "category": "troops", "actor": "france"}},
        only=["1\u202f400"],
    ),
    Case(
        "chammal_cumulative_strikes_since_2014",
        "Depuis le début de l'opération en septembre 2014, les forces françaises ont réalisé plus "
        "de 1 400 frappes et neutralisé près de 2 400 objectifs.",
        D(2018, 9, 19),
        expect={
            "plus de 1 400": {"value": 1400, "low": 1401, "high": None, "qualifier": "more_than",
                              "category": "strikes", "actor": "france"},
            "près de 2 400": {"value": 2400, "low": None, "high": None, "qualifier": "about"},
        },
        traps=["septembre 2014"],
        only=["plus de 1 400", "près de 2 400"],
    ),
    Case(
        "chammal_mirage_designations_and_missions",
        "Cette semaine, les Mirage 2000D français basés en Jordanie ont réalisé 6 missions de "
        "reconnaissance armée, appuyés par un ravitailleur C-135FR.",
        D(2016, 10, 20),
        expect={"6": {**exact(6), "category": "operations", "actor": "france"}},
        traps=["2000D", "C-135FR"],
        only=["6"],
    ),
    Case(
        "chammal_percent_with_space",
        "Les aéronefs français ont assuré 8 % des frappes de la coalition en Irak et en Syrie.",
        D(2017, 1, 10),
        expect={"8 %": {**exact(8), "category": "percent"}},
        only=["8 %"],
    ),
]

# ---------------------------------------------------------------------------
# CJTF-OIR press releases translated into French
# ---------------------------------------------------------------------------
CJTF = [
    Case(
        "cjtf_strikes_comprising_engagements",
        "ASIE DU SUD-OUEST – Les forces de la coalition ont mené 25 frappes comprenant 43 "
        "engagements contre des cibles de Daech en Syrie et en Irak entre le 2 et le 4 mars.",
        D(2019, 3, 6),
        expect={
            "25": {**exact(25), "category": "strikes", "actor": "coalition"},
            "43": exact(43),
        },
        traps=["le 2 et le 4 mars"],
        only=["25", "43"],
    ),
    Case(
        "cjtf_hajin_strikes_destroyed_positions",
        "ASIE DU SUD-OUEST – La coalition a poursuivi ses frappes contre Daech. Près d'Hajin, 11 "
        "frappes ont touché 8 unités tactiques de Daech et détruit 3 positions de combat.",
        D(2018, 12, 3),
        expect={
            "11": {**exact(11), "category": "strikes", "actor": "coalition"},
            "3": {**exact(3), "category": "destroyed"},
        },
    ),
    Case(
        "cjtf_us_and_uk_aircraft_together_is_coalition",
        "Des avions américains et britanniques ont mené 14 frappes près de Mossoul dimanche.",
        D(2016, 11, 14),
        expect={"14": {**exact(14), "category": "strikes", "actor": "coalition"}},
        only=["14"],
    ),
    Case(
        "cjtf_us_designated_aircraft_strikes",
        "Des F-15E et des drones MQ-9 Reaper américains ont mené 7 frappes près d'al-Qaïm.",
        D(2018, 10, 2),
        expect={"7": {**exact(7), "category": "strikes", "actor": "us"}},
        traps=["F-15E", "MQ-9"],
        only=["7"],
    ),
    Case(
        "cjtf_sdf_captured_and_operations",
        "Les Forces démocratiques syriennes ont capturé 12 membres de Daech lors de 6 opérations "
        "menées avec l'appui de la coalition.",
        D(2020, 6, 15),
        expect={
            "12": {**exact(12), "category": "captured", "actor": "sdf"},
            "6": {**exact(6), "category": "operations"},
        },
        only=["12", "6"],
    ),
    Case(
        "cjtf_percent_territory",
        "Daech a perdu 98% du territoire qu'il contrôlait en Irak et en Syrie, selon la coalition.",
        D(2017, 12, 27),
        expect={"98%": {**exact(98), "category": "percent"}},
        only=["98%"],
    ),
    Case(
        "cjtf_royal_air_force_strikes",
        "Des Typhoon de la Royal Air Force britannique ont mené 4 frappes contre des positions de "
        "Daech à l'ouest de Mossoul.",
        D(2017, 5, 2),
        expect={"4": {**exact(4), "category": "strikes", "actor": "uk"}},
        only=["4"],
    ),
]

# ---------------------------------------------------------------------------
# Regional papers: Ouest-France, L'Orient-Le Jour, Le Parisien
# ---------------------------------------------------------------------------
REGIONAL = [
    Case(
        "ouestfrance_carrier_aircraft",
        "Le porte-avions Charles-de-Gaulle a appareillé de Toulon avec à son bord 26 avions de "
        "combat français pour rejoindre l'opération Chammal.",
        D(2015, 11, 18),
        expect={"26": {**exact(26), "category": "aircraft", "actor": "france"}},
        only=["26"],
    ),
    Case(
        "ouestfrance_about_troops_air_base_designation",
        "Près de 200 militaires de la base aérienne 118 de Mont-de-Marsan sont déployés en Jordanie.",
        D(2016, 4, 5),
        expect={"Près de 200": {"value": 200, "low": None, "high": None, "qualifier": "about",
                                "category": "troops"}},
        traps=["118"],
        only=["Près de 200"],
    ),
    Case(
        "olj_iran_ballistic_missiles_on_date",
        "Le 8 janvier, l'Iran a tiré 22 missiles balistiques sur la base d'Aïn al-Asad et sur une "
        "base proche d'Erbil, en représailles à l'assassinat du général Soleimani.",
        D(2020, 1, 10),
        expect={"22": {**exact(22), "category": "missiles", "actor": "iran",
                       "period_start": D(2020, 1, 8), "period_end": D(2020, 1, 8),
                       "time_precision": "day"}},
        traps=["8 janvier"],
        only=["22"],
    ),
    Case(
        "olj_at_least_attacks_since_date",
        "Au moins 66 attaques ont visé les forces américaines en Irak et en Syrie depuis le 17 "
        "octobre, selon le Pentagone.",
        D(2023, 11, 21),
        expect={"Au moins 66": {"value": 66, "low": 66, "high": None, "qualifier": "at_least",
                                "category": "attacks"}},
        traps=["17 octobre"],
        only=["Au moins 66"],
    ),
    Case(
        "leparisien_une_dizaine_rockets_monday",
        "Une dizaine de roquettes se sont abattues lundi soir sur l'aéroport d'Erbil, où sont "
        "stationnés des soldats de la coalition.",
        D(2021, 2, 16),  # a Tuesday
        expect={"Une dizaine": {"low": 8, "high": 12, "category": "rockets",
                                "period_start": D(2021, 2, 15), "period_end": D(2021, 2, 15)}},
        only=["Une dizaine"],
    ),
    Case(
        "leparisien_des_centaines_killed",
        "Des centaines de jihadistes ont été tués lors des combats dans la vieille ville.",
        D(2017, 7, 10),
        expect={"Des centaines": {"value": None, "low": 200, "high": 999, "qualifier": "vague",
                                  "category": "killed"}},
        only=["Des centaines"],
    ),
    Case(
        "leparisien_raqqa_death_toll",
        "La bataille de Raqqa a fait plus de 3 000 morts, dont au moins 1 100 civils, selon "
        "l'Observatoire syrien des droits de l'homme.",
        D(2017, 10, 17),
        expect={
            "plus de 3 000": {"value": 3000, "low": 3001, "high": None, "qualifier": "more_than",
                              "category": "killed"},
            "au moins 1 100": {"value": 1100, "low": 1100, "high": None, "qualifier": "at_least"},
        },
        only=["plus de 3 000", "au moins 1 100"],
    ),
    Case(
        "leparisien_money_milliard_dollars",
        "Les États-Unis ont débloqué 1,5 milliard de dollars pour former et équiper les forces "
        "irakiennes.",
        D(2014, 12, 5),
        expect={"1,5 milliard": {"value": 1.5e9, "low": 1.5e9, "high": 1.5e9,
                                 "qualifier": "exact", "category": "money"}},
        only=["1,5 milliard"],
    ),
    Case(
        "leparisien_money_millions_euros_year_trap",
        "L'opération Chammal a coûté 350 millions d'euros à la France en 2016.",
        D(2017, 6, 1),
        expect={"350 millions": {"value": 3.5e8, "low": 3.5e8, "high": 3.5e8,
                                 "qualifier": "exact", "category": "money"}},
        traps=["2016"],
        only=["350 millions"],
    ),
    Case(
        "leparisien_des_dizaines_drones",
        "Des dizaines de drones ont été lancés contre des bases américaines depuis octobre.",
        D(2023, 12, 20),
        expect={"Des dizaines": {"value": None, "low": 20, "high": 99, "qualifier": "vague",
                                 "category": "drones"}},
        only=["Des dizaines"],
    ),
    Case(
        "leparisien_une_centaine_troops",
        "Une centaine de soldats français sont déployés sur la base de Qayyarah.",
        D(2016, 11, 2),
        expect={"Une centaine": {"low": 80, "high": 120, "category": "troops", "actor": "france"}},
        only=["Une centaine"],
    ),
]

# ---------------------------------------------------------------------------
# Indirect fire, artillery, upper bounds
# ---------------------------------------------------------------------------
FIRE_AND_BOUNDS = [
    Case(
        "mortar_shells_are_indirect_fire",
        "Deux obus de mortier sont tombés dans la zone verte de Bagdad, près de l'ambassade américaine.",
        D(2020, 1, 21),
        expect={"Deux": {**exact(2), "category": "indirect_fire"}},
        only=["Deux"],
    ),
    Case(
        "indirect_fire_word",
        "La base de Kirkouk a essuyé trois tirs indirects au cours de la nuit, sans faire de victimes.",
        D(2019, 12, 28),
        expect={"trois": {**exact(3), "category": "indirect_fire"}},
        only=["trois"],
    ),
    Case(
        "katyusha_calibre_is_not_a_count",
        "Deux roquettes Katioucha de 107 mm ont été tirées contre l'ambassade des États-Unis à Bagdad.",
        D(2020, 9, 29),
        expect={"Deux": {**exact(2), "category": "rockets"}},
        traps=["107 mm"],
        only=["Deux"],
    ),
    Case(
        "jusqua_troops_at_most",
        "Le Pentagone pourrait déployer jusqu'à 1 000 soldats américains supplémentaires dans la région.",
        D(2019, 5, 24),
        expect={"jusqu'à 1 000": {"value": 1000, "low": None, "high": 1000, "qualifier": "at_most",
                                  "category": "troops", "actor": "us"}},
        only=["jusqu'à 1 000"],
    ),
    Case(
        "au_plus_drones",
        "Selon Washington, au plus cinq drones ont franchi les défenses aériennes de la base.",
        D(2024, 2, 2),
        expect={"au plus cinq": {"value": 5, "low": None, "high": 5, "qualifier": "at_most",
                                 "category": "drones"}},
        only=["au plus cinq"],
    ),
    Case(
        "moins_de_troops_in_syria",
        "Les États-Unis comptent désormais moins de 900 militaires américains en Syrie.",
        D(2023, 3, 24),
        expect={"moins de 900": {"value": 900, "low": None, "high": 899, "qualifier": "less_than",
                                 "category": "troops", "actor": "us"}},
        only=["moins de 900"],
    ),
]

# ---------------------------------------------------------------------------
# Periods resolved against the publication date
# ---------------------------------------------------------------------------
PERIODS = [
    Case(
        "period_last_year",
        "L'année dernière, la coalition a mené plus de 3 000 frappes en Syrie.",
        D(2018, 5, 4),
        expect={"plus de 3 000": {"category": "strikes", "actor": "coalition",
                                  "period_start": D(2017, 1, 1), "period_end": D(2017, 12, 31),
                                  "time_precision": "year"}},
        only=["plus de 3 000"],
    ),
    Case(
        "period_named_month",
        "En mars, les avions de la coalition ont effectué 250 frappes dans la vallée de l'Euphrate.",
        D(2019, 4, 2),
        expect={"250": {**exact(250), "category": "strikes", "actor": "coalition",
                        "period_start": D(2019, 3, 1), "period_end": D(2019, 3, 31),
                        "time_precision": "month"}},
        only=["250"],
    ),
    Case(
        "period_day_of_month_soleimani",
        "Le 3 janvier, un drone MQ-9 Reaper américain a tiré deux missiles sur le convoi du général "
        "Soleimani près de l'aéroport de Bagdad.",
        D(2020, 1, 5),
        expect={"deux": {**exact(2), "category": "missiles", "actor": "us",
                         "period_start": D(2020, 1, 3), "period_end": D(2020, 1, 3),
                         "time_precision": "day"}},
        traps=["3 janvier", "MQ-9"],
        only=["deux"],
    ),
]

# ---------------------------------------------------------------------------
# Traps: nothing (or only the body figure) may be extracted
# ---------------------------------------------------------------------------
TRAPS = [
    Case(
        "trap_times_of_day",
        "L'attaque a eu lieu vers 10 h, puis une seconde salve a frappé la base à 22h30, a précisé "
        "l'armée.",
        D(2021, 3, 3),
        traps=["10 h", "22h30"],
        only=[],
    ),
    Case(
        "trap_durations",
        "Les combats ont duré pendant trois jours. Au cours des deux derniers mois, les frappes ont "
        "repris. Les troupes américaines sont présentes depuis cinq ans. En l'espace de 48 heures, "
        "la situation a basculé.",
        D(2019, 10, 14),
        traps=["trois jours", "deux derniers mois", "cinq ans", "48 heures"],
        only=[],
    ),
    Case(
        "trap_ordinals",
        "C'est la deuxième attaque contre la base cette semaine. Le 1er régiment de chasseurs "
        "parachutistes et la 2e brigade blindée sont engagés aux côtés des forces irakiennes.",
        D(2017, 1, 12),
        traps=["deuxième", "1er", "2e"],
        only=[],
    ),
    Case(
        "trap_designations",
        "Des F-16 et des KC-135 ont décollé d'Incirlik, tandis qu'un MQ-9 Reaper survolait la zone. "
        "Le Conseil de sécurité a rappelé la résolution 2254.",
        D(2015, 8, 12),
        traps=["F-16", "KC-135", "MQ-9", "2254"],
        only=[],
    ),
    Case(
        "trap_dates_and_years_keep_vague_amount",
        "Le 3 janvier 2020, le général Soleimani a été tué. En 2015, la coalition comptait déjà des "
        "dizaines de membres. Daech est actif dans la région depuis 2014.",
        D(2020, 1, 6),
        expect={"des dizaines": {"value": None, "low": 20, "high": 99, "qualifier": "vague"}},
        traps=["3 janvier 2020", "2015", "2014"],
        only=["des dizaines"],
    ),
    Case(
        "trap_articles_un_une",
        "Une attaque au drone a visé une base de la coalition dans l'est de la Syrie, selon un "
        "responsable américain.",
        D(2023, 10, 20),
        only=[],
    ),
    Case(
        "trap_leparisien_page_furniture",
        "Irak : nouvelle attaque de drones contre une base américaine\n"
        "Par Le Parisien avec AFP\n"
        "Le 5 décembre 2023 à 09h12\n"
        "Temps de lecture : 3 min\n"
        "Partager\n"
        "Trois soldats américains ont été blessés lundi dans une attaque de drones contre la base "
        "d'Aïn al-Asad, dans l'ouest de l'Irak, a indiqué un responsable américain.\n"
        "Crédit photo : AFP / base_ain_al_asad_2023.jpg\n"
        "Lire aussi : Syrie : 4 roquettes tirées contre une base américaine\n"
        "https://www.leparisien.fr/international/irak-base-americaine-05-12-2023-7X4K2.php\n"
        "À découvrir également\n"
        "Gaza : 20 morts dans une frappe israélienne\n"
        "Avec votre accord, nous et nos 845 partenaires utilisons des cookies ou technologies "
        "similaires pour stocker et accéder à des informations personnelles.\n",
        D(2023, 12, 5),  # a Tuesday
        expect={"Trois": {**exact(3), "category": "wounded",
                          "period_start": D(2023, 12, 4), "period_end": D(2023, 12, 4)}},
        traps=["5 décembre 2023", "09h12", "3 min", "base_ain_al_asad_2023.jpg", "4 roquettes",
               "05-12-2023-7X4K2", "20 morts", "845"],
        only=["Trois"],
    ),
    Case(
        "trap_ouestfrance_page_furniture",
        "Ouest-France Publié le 29/01/2024 à 07h45 Modifié le 29/01/2024 à 10h02\n"
        "Les États-Unis ont promis de riposter après la mort de trois soldats dans une attaque de "
        "drone contre la base Tower 22, en Jordanie.\n"
        "Lire aussi : Jordanie : 34 militaires américains blessés à la frontière syrienne\n"
        "Partager cet article\n",
        D(2024, 1, 29),
        expect={"trois": {"value": 3, "low": 3, "high": 3}},
        traps=["29/01/2024", "07h45", "10h02", "Tower 22", "34 militaires"],
        only=["trois"],
    ),
]

ALL = AFP + CHAMMAL + CJTF + REGIONAL + FIRE_AND_BOUNDS + PERIODS + TRAPS


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_generalisation(case: Case) -> None:
    check(case)

