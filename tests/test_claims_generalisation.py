"""Generalisation tests for the claims of :func:`analysis.extraction.extract_article`.

Hand-written sentences and short articles in press styles meant to differ from
the seed corpus: AFP dispatches quoting anonymous officials, communiqués of the
French ministry of the armed forces (état-major des armées), CJTF-OIR releases,
Pentagon press briefings, tweets, English wire stories translated into French,
multi-sentence quotes, surnames resolved to the full name, and page furniture.

Each case gives the expected claims (one per attributed statement), each with a
substring of its statement that the claim's span must overlap, the speaker (any
of the listed forms, compared case-insensitively after dropping one leading
determiner), its kind and channel, and optionally a role, and substrings that
must lie outside the claim's span (the attribution).  ``figures`` maps a
substring of a figure to the index of the claim that must hold it (or None).
The number of claims is exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pytest

from analysis.extraction import extract_article


@dataclass
class Want:
    statement: str  # a substring of the statement the claim's span must overlap
    speaker: tuple[str, ...]  # acceptable speaker forms
    kind: str
    channel: str
    role: str | None = None
    outside: tuple[str, ...] = ()  # substrings (the attribution) that must not overlap the span
    covers: tuple[str, ...] = ()  # substrings that must lie wholly inside the span


@dataclass
class Case:
    id: str
    text: str
    published: date
    claims: list[Want]
    figures: dict[str, int | None] = field(default_factory=dict)


D = date
PERSON, ORG, ANON, MEDIA = "person", "organisation", "anonymous_officials", "media"


def norm(s: str | None) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u00a0", " ").strip().lower()
    s = re.sub(r"\s+", " ", s)
    return re.sub(r"^(?:(?:le|la|les|un|une|des)\s+|l')", "", s).strip()


def span_of(text: str, sub: str) -> tuple[int, int]:
    assert text.count(sub) == 1, f"{sub!r} must occur exactly once in the case text"
    i = text.find(sub)
    return i, i + len(sub)


def overlaps(row: dict, span: tuple[int, int]) -> bool:
    return row["start"] < span[1] and span[0] < row["end"]


CASES = [
    # ------------------------------------------------------------------ AFP dispatches
    Case(
        "afp_inverted_told_afp_anonymous_security_official",
        "BAGDAD (AFP) - Deux roquettes se sont abattues dans la nuit de mardi à mercredi sur la base "
        "aérienne d'Aïn al-Asad, sans faire de victimes, a indiqué à l'AFP un responsable de la "
        "sécurité sous couvert d'anonymat.",
        D(2021, 3, 3),
        [Want("se sont abattues dans la nuit", ("responsable de la sécurité",), ANON, "statement",
              outside=("a indiqué",))],
        {"Deux roquettes": 0},
    ),
    Case(
        "afp_quote_assured_afp_senior_military_official",
        "ERBIL (Irak) (AFP) - «\u00a0La situation est sous contrôle et les dégâts sont limités\u00a0», "
        "a assuré à l\u2019AFP un haut responsable militaire irakien, qui a requis l\u2019anonymat.",
        D(2021, 2, 16),
        [Want("La situation est sous contrôle", ("haut responsable militaire irakien",), ANON, "statement",
              outside=("a assuré",))],
    ),
    Case(
        "afp_passive_signale_is_not_a_cue_then_inverted_coalition",
        "BAGDAD (AFP) - Trois roquettes ont visé mardi soir l'aéroport de Bagdad, où sont stationnés "
        "des soldats américains. Aucun blessé n'a été signalé dans l'immédiat, a précisé la coalition.",
        D(2020, 9, 29),
        [Want("Aucun blessé", ("coalition",), ORG, "statement", outside=("a précisé",))],
        {"Trois roquettes": None},
    ),
    # ------------------------------------------------------- ministry of the armed forces
    Case(
        "ema_present_tense_inverted_dans_un_communique",
        "Deux frappes aériennes ont été conduites dimanche par les Rafale de l'opération Chammal "
        "contre des positions de Daech près de Hajin, indique l'état-major des armées dans un "
        "communiqué.",
        D(2018, 11, 12),
        [Want("ont été conduites dimanche", ("état-major des armées",), ORG, "communique",
              outside=("indique",))],
        {"Deux frappes": 0},
    ),
    Case(
        "ministry_reported_que_dans_un_communique",
        "Le ministère des Armées a annoncé dans un communiqué que 600 militaires français restaient "
        "engagés au Levant dans le cadre de l'opération Chammal.",
        D(2019, 4, 2),
        [Want("restaient engagés au Levant", ("ministère des armées",), ORG, "communique",
              outside=("a annoncé", "dans un communiqué que"))],
        {"600": 0},
    ),
    Case(
        "read_in_communique_author_named_earlier",
        "L'ambassade des Etats-Unis à Bagdad a publié mercredi soir un communiqué après l'attaque.\n"
        "« Nous condamnons fermement cette attaque contre nos installations », peut-on lire dans le "
        "communiqué.",
        D(2020, 1, 22),
        [Want("Nous condamnons fermement", ("ambassade des etats-unis à bagdad", "ambassade des etats-unis"),
              ORG, "communique", outside=("peut-on lire",))],
    ),
    # ----------------------------------------------------------------- CJTF-OIR releases
    Case(
        "cjtf_oir_inverted_weekly_strikes_communique",
        "Les forces de la coalition ont mené 12 frappes contre le groupe Etat islamique en Syrie et "
        "en Irak la semaine dernière, a annoncé vendredi la CJTF-OIR dans un communiqué.",
        D(2019, 3, 15),
        [Want("ont mené 12 frappes", ("cjtf-oir",), ORG, "communique", outside=("a annoncé",))],
        {"12": 0},
    ),
    Case(
        "cjtf_oir_release_then_commander_quoted",
        "La Force opérationnelle interarmées combinée (CJTF-OIR) a annoncé dans un communiqué que 5 "
        "membres de Daech avaient été tués lors d'un raid dans l'est de la Syrie.\n"
        "« Cette opération montre notre engagement aux côtés de nos partenaires », déclare le général "
        "Paul Calvert, commandant de la CJTF-OIR, cité dans le communiqué.",
        D(2021, 11, 5),
        [
            Want("membres de Daech avaient été tués",
                 ("force opérationnelle interarmées combinée (cjtf-oir)",
                  "force opérationnelle interarmées combinée", "cjtf-oir"),
                 ORG, "communique", outside=("a annoncé", "dans un communiqué que")),
            Want("Cette opération montre", ("paul calvert",), PERSON, "communique",
                 role="commandant de la CJTF-OIR", outside=("déclare",)),
        ],
        {"5": 0},
    ),
    # ------------------------------------------------------------ press conferences
    Case(
        "pentagon_spokesman_name_in_apposition_point_presse",
        "\u201cNous ne cherchons pas la guerre avec l\u2019Iran\u201d, a déclaré le porte-parole du Pentagone, "
        "John Kirby, lors d'un point presse.",
        D(2021, 2, 26),
        [Want("Nous ne cherchons pas la guerre", ("john kirby",), PERSON, "press_conference",
              role="porte-parole du Pentagone", outside=("a déclaré",))],
    ),
    Case(
        "press_conference_title_speaker_colon_quote",
        "Lors d'une conférence de presse à Bagdad, le porte-parole du gouvernement irakien a déclaré : "
        "« Aucune base étrangère ne sera tolérée sur notre sol. »",
        D(2020, 1, 9),
        [Want("Aucune base étrangère", ("porte-parole du gouvernement irakien",), PERSON,
              "press_conference", outside=("a déclaré",))],
    ),
    Case(
        "surname_resolved_after_title_and_full_name",
        "Le porte-parole du Pentagone, le général Pat Ryder, a déclaré mardi que les Etats-Unis "
        "avaient mené des frappes de représailles en Irak.\n"
        "« Nous ne cherchons pas l'escalade », a ajouté Ryder lors d'un point presse.",
        D(2023, 11, 21),
        [
            Want("avaient mené des frappes de représailles", ("pat ryder",), PERSON, "statement",
                 outside=("a déclaré", "mardi que")),
            Want("Nous ne cherchons pas l'escalade", ("pat ryder",), PERSON, "press_conference",
                 outside=("a ajouté",)),
        ],
    ),
    # --------------------------------------------------------------------- tweets
    Case(
        "tweet_inverted_colonel_with_initial",
        "« Les forces de la coalition n'ont subi aucune perte », a tweeté le colonel Myles B. Caggins, "
        "porte-parole de la coalition.",
        D(2020, 1, 8),
        [Want("n'ont subi aucune perte", ("myles b. caggins",), PERSON, "tweet",
              role="porte-parole de la coalition", outside=("a tweeté",))],
    ),
    Case(
        "tweet_reported_embassy_dans_un_tweet",
        "L'ambassade américaine à Bagdad a indiqué dans un tweet que trois roquettes étaient tombées "
        "près de son enceinte.",
        D(2020, 1, 27),
        [Want("étaient tombées près de son enceinte",
              ("ambassade américaine à bagdad", "ambassade américaine"), ORG, "tweet",
              outside=("a indiqué", "dans un tweet que"))],
        {"trois": 0},
    ),
    # -------------------------------------------------- multi-sentence quote and surname
    Case(
        "multi_sentence_quote_then_surname",
        "Le colonel Joe Scrocca, porte-parole de la coalition, a indiqué dans un tweet que la base de "
        "Rmeilan avait été visée par des roquettes.\n"
        "« Les dégâts sont en cours d'évaluation. Aucun soldat de la coalition n'a été blessé. Nous "
        "restons vigilants », a ajouté Scrocca.",
        D(2024, 2, 6),
        [
            Want("avait été visée par des roquettes", ("joe scrocca",), PERSON, "tweet",
                 role="porte-parole de la coalition", outside=("a indiqué", "dans un tweet que")),
            Want("Les dégâts sont en cours", ("joe scrocca",), PERSON, "statement", outside=("a ajouté",),
                 covers=("Les dégâts sont en cours", "Aucun soldat de la coalition", "restons vigilants")),
        ],
    ),
    # ----------------------------------------------- English wire stories in French
    Case(
        "reuters_two_officials_anonymity",
        "WASHINGTON (Reuters) - Les Etats-Unis ont frappé deux installations utilisées par des milices "
        "soutenues par l'Iran dans l'est de la Syrie, ont déclaré à Reuters deux responsables américains "
        "sous couvert d'anonymat.",
        D(2023, 10, 27),
        [Want("ont frappé deux installations", ("deux responsables américains",), ANON, "statement",
              outside=("ont déclaré",))],
        {"deux installations": 0},
    ),
    Case(
        "secretary_of_defense_inverted_communique",
        "« Nous répondrons au moment et à l'endroit de notre choix », a déclaré le secrétaire à la "
        "Défense Lloyd Austin dans un communiqué.",
        D(2024, 1, 29),
        [Want("Nous répondrons au moment", ("lloyd austin",), PERSON, "communique",
              outside=("a déclaré",))],
    ),
    Case(
        "nyt_reported_que_media_report",
        "Le New York Times a rapporté mardi que l'armée américaine envisageait de retirer 2.500 soldats "
        "d'Irak d'ici à la fin de l'année.",
        D(2020, 8, 25),
        [Want("envisageait de retirer", ("new york times",), MEDIA, "media_report",
              outside=("a rapporté", "mardi que"))],
        {"2.500": 0},
    ),
    Case(
        "washington_post_d_apres",
        "D'après le Washington Post, le Pentagone prépare le retrait de 2.000 soldats de Syrie.",
        D(2018, 12, 19),
        [Want("le Pentagone prépare le retrait", ("washington post",), MEDIA, "media_report",
              outside=("D'après",))],
        {"2.000": 0},
    ),
    Case(
        "cnn_inverted_media_report",
        "Les Etats-Unis ont frappé deux sites liés aux Gardiens de la révolution dans l'est de la Syrie, "
        "a rapporté CNN.",
        D(2023, 11, 9),
        [Want("ont frappé deux sites", ("cnn",), MEDIA, "media_report", outside=("a rapporté",))],
        {"deux sites": 0},
    ),
    # ------------------------------------------------------------- selon / source
    Case(
        "osdh_selon_leading_figure_linked",
        "Selon l'Observatoire syrien des droits de l'homme (OSDH), 25 combattants ont été tués dans les "
        "combats.",
        D(2019, 3, 6),
        [Want("combattants ont été tués",
              ("observatoire syrien des droits de l'homme", "observatoire syrien des droits de l'homme (osdh)",
               "osdh"), ORG, "statement", outside=("Selon",))],
        {"25": 0},
    ),
    Case(
        "selon_trailing_anonymous_military_source",
        "Au moins 12 membres des Hachd al-Chaabi ont été tués dans les frappes américaines près "
        "d'Al-Qaïm, selon une source militaire irakienne.",
        D(2019, 12, 30),
        [Want("membres des Hachd al-Chaabi", ("source militaire irakienne",), ANON, "statement",
              outside=("selon",))],
        {"Au moins 12": 0},
    ),
    Case(
        "selon_spokesman_with_acronym_and_name",
        "Selon le porte-parole des Forces démocratiques syriennes (FDS), Mustafa Bali, 40 jihadistes ont "
        "été tués lors de l'assaut.",
        D(2019, 3, 12),
        [Want("jihadistes ont été tués", ("mustafa bali",), PERSON, "statement",
              outside=("Mustafa Bali",))],
        {"40": 0},
    ),
    # ------------------------------------------------------------ participles, reported
    Case(
        "participle_affirmant_subject_is_speaker",
        "Le Pentagone a publié un bilan dans la soirée, affirmant qu'aucun militaire américain n'avait "
        "été blessé.",
        D(2020, 1, 8),
        [Want("aucun militaire américain", ("pentagone",), ORG, "statement", outside=("Le Pentagone",))],
    ),
    Case(
        "centcom_reported_precise_que",
        "Le Centcom a précisé dans la soirée que quatre soldats souffraient de commotions cérébrales.",
        D(2023, 10, 26),
        [Want("souffraient de commotions", ("centcom",), ORG, "statement",
              outside=("a précisé", "dans la soirée que"))],
        {"quatre": 0},
    ),
    # --------------------------------------------------------------------- interviews
    Case(
        "interview_prime_minister_name_in_apposition",
        "« Nous ne voulons pas d'une guerre avec les Etats-Unis », a déclaré le Premier ministre irakien, "
        "Moustafa al-Kazimi, dans une interview à l'agence Associated Press.",
        D(2021, 7, 20),
        [Want("Nous ne voulons pas", ("moustafa al-kazimi",), PERSON, "interview",
              role="Premier ministre irakien", outside=("a déclaré",))],
    ),
    Case(
        "interview_fronted_entretien_minister_name",
        "Dans un entretien accordé à France 24, le ministre irakien des Affaires étrangères, Fouad "
        "Hussein, a affirmé que les troupes de combat américaines quitteraient bientôt l'Irak.",
        D(2021, 7, 28),
        [Want("troupes de combat américaines quitteraient", ("fouad hussein",), PERSON, "interview",
              outside=("a affirmé",))],
    ),
    # ----------------------------------------------------------------- negative cases
    Case(
        "no_attribution_passive_signale",
        "Deux roquettes ont frappé la base de Harir, dans le Kurdistan irakien. Aucun blessé n'a été "
        "signalé.",
        D(2021, 8, 12),
        [],
        {"Deux roquettes": None},
    ),
    Case(
        "no_attribution_scare_quotes_nickname",
        "La base, surnommée « Camp Victory » par les soldats américains, a été visée par trois roquettes "
        "dans la nuit.",
        D(2020, 3, 16),
        [],
        {"trois roquettes": None},
    ),
    Case(
        "related_headlines_and_comment_form_are_furniture",
        "BAGDAD (AFP) - Une attaque au drone a visé dans la nuit de jeudi à vendredi la base de "
        "Victoria, près de l'aéroport de Bagdad, où sont stationnés des soldats de la coalition.\n"
        "L'engin a été abattu avant d'atteindre sa cible, a indiqué un responsable de la coalition.\n"
        "Les forces irakiennes ont ouvert une enquête pour identifier les auteurs de l'attaque.\n"
        "À découvrir également\n"
        "Irak : « Nous ne partirons pas », affirme le Premier ministre\n"
        "Syrie : 25 jihadistes tués dans des frappes, selon l'OSDH\n"
        "Laisser un commentaire\n"
        "Votre adresse e-mail ne sera pas publiée.\n",
        D(2021, 5, 28),
        [Want("a été abattu avant d'atteindre", ("responsable de la coalition",), ANON, "statement",
              outside=("a indiqué",))],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_claims(case: Case) -> None:
    text = case.text
    figures, claims = extract_article(text, published=case.published, precision="day", language="fr",
                                      file="gen.txt")
    for c in claims:  # structural invariants
        assert c["text"] == text[c["start"]:c["end"]], c
        assert c["sentence_start"] <= c["sentence_end"], c
        assert c["file"] == "gen.txt", c
    summary = [(c["text"][:60], c["speaker"], c["speaker_kind"], c["channel"]) for c in claims]
    assert len(claims) == len(case.claims), f"expected {len(case.claims)} claim(s), got {summary}"

    matched: list[dict] = []
    for want in case.claims:
        span = span_of(text, want.statement)
        hits = [c for c in claims if overlaps(c, span)]
        assert len(hits) == 1, f"statement {want.statement!r}: {len(hits)} overlapping claims in {summary}"
        c = hits[0]
        assert norm(c["speaker"]) in {norm(s) for s in want.speaker}, (
            f"{want.statement!r}: speaker {c['speaker']!r}, expected one of {want.speaker}")
        assert c["speaker_kind"] == want.kind, f"{want.statement!r}: kind {c['speaker_kind']!r}"
        assert c["channel"] == want.channel, f"{want.statement!r}: channel {c['channel']!r}"
        if want.role is not None:
            assert norm(c["role"]) == norm(want.role), f"{want.statement!r}: role {c['role']!r}"
        for out in want.outside:
            assert not overlaps(c, span_of(text, out)), (
                f"{want.statement!r}: span {c['text']!r} includes the attribution {out!r}")
        for inner in want.covers:
            lo, hi = span_of(text, inner)
            assert c["start"] <= lo and hi <= c["end"], f"{want.statement!r}: span {c['text']!r} misses {inner!r}"
        matched.append(c)
    assert len({c["claim_id"] for c in matched}) == len(matched), "two expectations matched one claim"

    for sub, index in case.figures.items():
        span = span_of(text, sub)
        rows = [f for f in figures if overlaps(f, span)]
        assert len(rows) == 1, f"figure {sub!r}: {[f['text'] for f in rows]}"
        want_id = None if index is None else matched[index]["claim_id"]
        assert rows[0]["claim_id"] == want_id, f"figure {sub!r}: claim_id {rows[0]['claim_id']!r}, expected {want_id!r}"
