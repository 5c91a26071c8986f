"""The two kinds of cell a tutorial is made of: prose in both languages, and code shared by both editions.

A code cell's Chinese edition is the same program: `zh` maps English text found in its string literals and
comments to Chinese (applied in order, each at least once), and nothing else may differ — test_notebooks.py
checks that the two editions' code cells are equal once literals and comments are blanked."""


def md(en, zh):
    return ("markdown", {"en": en.strip("\n"), "zh": zh.strip("\n")})


def code(src, zh=()):
    src = src.strip("\n")
    translated = src
    for english, chinese in zh:
        if english not in translated:
            raise ValueError(f"translation source {english!r} not in the cell:\n{src}")
        translated = translated.replace(english, chinese)
    return ("code", {"en": src, "zh": translated})
