from __future__ import annotations

from sitroom.analyze.denials import denied_spans
from sitroom.types import ClauseMention


def _sentence_clause(text: str, sentence: str, predicate: str = "be",
                     subject: str | None = None, obj: str | None = None) -> ClauseMention:
    start = text.index(sentence)
    end = start + len(sentence.rstrip())
    s_start = text.index(subject, start) if subject else None
    o_start = text.index(obj, start) if obj else None
    return ClauseMention(
        article="a1", start=start, end=end, predicate=predicate, pred_start=start,
        pred_end=start + 1,
        subject_start=s_start, subject_end=s_start + len(subject) if subject and s_start
        is not None else None, subject_text=subject,
        object_start=o_start, object_end=o_start + len(obj) if obj and o_start is not None
        else None, object_text=obj, object_lemmas=obj.lower() if obj else "",
    )


def _found(text: str, clauses: list[ClauseMention]) -> list[tuple[str, str]]:
    return [(text[d.denier_start:d.denier_end], text[d.start:d.end])
            for d in denied_spans(text, clauses)]


def test_a_denial_verb_with_reports_that() -> None:
    text = ("The minister on Thursday rejected reports that the government ordered the dam "
            "to be opened, calling them invented.")
    clause = _sentence_clause(text, text, "reject", "The minister", "reports")
    assert _found(text, [clause]) == [
        ("The minister", "the government ordered the dam to be opened")]


def test_a_claim_denied_by_beside_a_statement() -> None:
    text = ("According to the Ledger, officials ordered the dam to be opened early on Monday, "
            "a claim denied by the water minister, Ana Silva.")
    clause = _sentence_clause(text, text, "order", "officials", "the dam")
    assert _found(text, [clause]) == [
        ("the water minister, Ana Silva",
         "officials ordered the dam to be opened early on Monday")]


def test_a_report_that_someone_has_denied() -> None:
    text = ("The Ledger reported that officials had ordered the dam to be opened, a report "
            "that the minister, Ana Silva, has denied.")
    clause = _sentence_clause(text, text, "report", "The Ledger")
    assert _found(text, [clause]) == [
        ("the minister, Ana Silva", "officials had ordered the dam to be opened")]


def test_the_reports_spelled_out_in_the_sentence_before() -> None:
    first = ("Anger grew over reports, first published by the Ledger, that the government "
             "opened the dam on Monday to protect the city. ")
    second = "The minister has denied the reports."
    text = first + second
    clauses = [_sentence_clause(text, first, "grow", "Anger"),
               _sentence_clause(text, second, "deny", "The minister", "the reports")]
    assert _found(text, clauses) == [
        ("The minister", "the government opened the dam on Monday to protect the city")]


def test_no_denial_without_reported_content() -> None:
    text = "The minister denied the reports. The rain stopped on Friday after four days."
    clauses = [_sentence_clause(text, "The minister denied the reports.", "deny",
                                "The minister", "the reports")]
    assert _found(text, clauses) == []
    other = "The court rejected the appeal that the company filed against the fine."
    assert _found(other, [_sentence_clause(other, other, "reject", "The court",
                                           "the appeal")]) == []
