from sitroom.names import clean_surface, fold_name, is_acronym, name_tokens


def test_diacritics_and_dotless_i_fold_to_plain_letters() -> None:
    assert fold_name("Erdoğan") == fold_name("Erdogan") == "erdogan"
    assert fold_name("Ayşe Kılıç") == fold_name("Ayse Kilic")
    assert fold_name("Türkiye") == "turkiye"


def test_apostrophes_and_arabic_article_spellings_fold_together() -> None:
    assert fold_name("Hay'at Tahrir al-Sham") == fold_name("Hayat Tahrir al-Sham")
    assert fold_name("Hayat Tahrir el-Sham") == fold_name("Hayat Tahrir al-Sham")
    assert fold_name("Hay’at Tahrir Al Sham") == "hayat tahrir al sham"


def test_different_names_keep_different_keys() -> None:
    assert fold_name("Syrian National Army") != fold_name("Free Syrian Army")
    assert fold_name("Sindh Police") != fold_name("Sindh Rangers")


def test_clean_surface_strips_article_and_possessive() -> None:
    assert clean_surface("the Kremlin") == "Kremlin"
    assert clean_surface("Türkiye’s") == "Türkiye"
    assert clean_surface("the Rangers'") == "Rangers"
    assert clean_surface("Thessaloniki") == "Thessaloniki"


def test_name_tokens_and_acronyms() -> None:
    assert name_tokens("Bashar al-Assad") == ("bashar", "al", "assad")
    assert is_acronym("HTS") and is_acronym("U.S.")
    assert not is_acronym("Hamas") and not is_acronym("A")


def test_dotted_letters_fold_like_the_acronym() -> None:
    assert fold_name("U.S.") == fold_name("US") == "us"
    assert fold_name("U.S.-Mexico border") == "us mexico border"
    assert fold_name("George H.W. Bush") == "george hw bush"
    assert fold_name("Donald J. Trump") == "donald j trump"  # one initial stays a word
    assert fold_name("St. Louis") == "st louis"
