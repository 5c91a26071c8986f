"""The two kinds of cell a tutorial is made of: prose in both languages, and code shared by both editions."""


def md(en, zh):
    return ("markdown", {"en": en.strip("\n"), "zh": zh.strip("\n")})


def code(src):
    return ("code", src.strip("\n"))
