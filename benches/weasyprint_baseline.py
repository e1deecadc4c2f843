"""Render an HTML letter with WeasyPrint RUNS times; print JSON timings.

Usage: weasyprint_baseline.py LETTER.html OUT.pdf RUNS
The font is loaded once (a warm-up render) before timing, as Rightsdesk's are.
"""
import json
import statistics
import sys
import time

import weasyprint

html_path, out_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
weasyprint.HTML(filename=html_path).write_pdf(out_path)  # warm-up
times = []
for _ in range(runs):
    t = time.perf_counter()
    doc = weasyprint.HTML(filename=html_path).render()
    pdf = doc.write_pdf()
    times.append(time.perf_counter() - t)
with open(out_path, "wb") as f:
    f.write(pdf)
print(json.dumps({"median_s": statistics.median(times), "bytes": len(pdf), "pages": len(doc.pages)}))
