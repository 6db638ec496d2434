"""The sentence splitter on glued sentences: a boundary with no space after the full stop."""

from __future__ import annotations

import pytest

from analysis.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_glued_sentences_are_split():
    text = "Deux roquettes sont tombées, a indiqué la police.Un porte-parole des milices a démenti."
    assert sentences(text) == ["Deux roquettes sont tombées, a indiqué la police.", "Un porte-parole des milices a démenti."]


@pytest.mark.parametrize("text", [
    "Les frappes ont tué 1.046 membres de l'EI.",           # a number
    "Les forces des U.S.Army sont arrivées.",               # initials
    "Le document est sur www.defense.Gouv.fr depuis mardi.",  # an address
    "Des armes, des munitions, etc.Le stock a été saisi.",  # an abbreviation
    "Il a rencontré M.Dupont hier.",                        # a title
])
def test_glued_dots_that_end_no_sentence(text):
    assert sentences(text) == [text]


def test_spaced_boundaries_still_split():
    assert len(sentences("Trois drones ont été abattus. Selon l'armée, aucun dégât.")) == 2
