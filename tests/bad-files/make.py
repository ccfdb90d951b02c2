#!/usr/bin/env python3
"""Writes the corpus of bad snapshot files, each beside the words its error
message must contain (expected.json). Run from this folder after changing it:
    python3 make.py
The files are committed; this script only documents how each was made."""
import copy, json

GOOD = {
    "type": "scrutineer-snapshot",
    "version": 3,
    "exported_at": "2019-07-02T09:30:00Z",
    "app_version": "0.1.0",
    "snapshot": {
        "organisation": "Anytown Borough Council",
        "title": "Overview and Scrutiny Committee",
        "as_at": "2019-06-30",
        "settings": {"score_bands": [
            {"name": "Low", "min": 1, "max": 6, "tone": "green"},
            {"name": "Medium", "min": 8, "max": 12, "tone": "amber"},
            {"name": "High", "min": 15, "max": 25, "tone": "red"}],
            "amber_within": 5.0},
        "sources": [{"id": "q1-report", "title": "Quarter 1 report"}],
        "service_areas": [{"id": "csc", "name": "Children's Social Care"}],
        "indicators": [{
            "id": "cla", "service_area": "csc",
            "name": "Rate of Children Looked After per 10,000",
            "unit": "rate_per_10000", "polarity": "low",
            "values": [{"period": "Q1 2019/20", "value": {"kind": "figure", "value": 84.6, "decimals": 1, "numerator": 2096.0}, "source": "q1-report"}],
            "comparators": [{"kind": "england", "value": {"kind": "figure", "value": 64.0, "decimals": 1}}]
        }, {
            "id": "re-referrals", "service_area": "csc",
            "name": "Percentage of referrals that are re-referrals",
            "unit": "percent", "polarity": "low",
            "values": [{"period": "Q1 2019/20", "value": {"kind": "figure", "value": 20.8, "decimals": 1}}]
        }],
        "register": [{"id": "CR1", "kind": "risk", "assessments": [{
            "period": "Q2 2019/20", "title": "Reshaping the County Council",
            "inherent": {"kind": "printed", "value": 20},
            "residual": {"kind": "rated", "impact": 4, "likelihood": 4}}]}],
        "complaints": [{"year": "2017/18", "procedure": "adult_social_care", "received": 540}],
    },
}

corpus = {}

def text(name, body, *words):
    corpus[name] = (body, list(words))

def edit(name, change, *words):
    doc = copy.deepcopy(GOOD)
    change(doc)
    corpus[name] = (json.dumps(doc, indent=2, ensure_ascii=False) + "\n", list(words))

S = lambda d: d["snapshot"]
good_text = json.dumps(GOOD, indent=2) + "\n"

text("01-empty.json", "", "The file is empty.")
text("02-only-spaces.json", "   \n\n  ", "The file is empty.")
text("03-a-letter.json", "Dear councillor,\nplease find the pack attached.\n", "not valid JSON", "line 1, column 1")
text("04-cut-short.json", good_text[:700], "not valid JSON", "ends in the middle")
text("05-trailing-comma.json", '{\n  "type": "scrutineer-snapshot",\n  "version": 2,\n}\n', "not valid JSON", "line 4, column 1")
text("06-web-page.json", "<!DOCTYPE html><html><body>Sign in to continue</body></html>", "not valid JSON", "line 1, column 1")
text("07-a-list.json", "[1, 2, 3]\n", "not an object with a \u201ctype\u201d")
text("08-a-string.json", '"scrutineer"\n', "not an object with a \u201ctype\u201d")
edit("09-no-type.json", lambda d: d.pop("type"), "not an object with a \u201ctype\u201d")
edit("10-someone-elses-file.json", lambda d: d.update(type="excalidraw"), "its \u201ctype\u201d is \u201cexcalidraw\u201d", "not \u201cscrutineer-snapshot\u201d")
edit("11-browser-store-copy.json", lambda d: d.update(type="scrutineer-store"), "\u201cscrutineer-store\u201d, not \u201cscrutineer-snapshot\u201d")
edit("12-newer-version.json", lambda d: d.update(version=4), "format version 4, made by a newer Scrutineer", "reads versions 1 to 3")
edit("13-version-as-text.json", lambda d: d.update(version="2"), "no usable \u201cversion\u201d (found \u201c2\u201d)")
edit("14-version-zero.json", lambda d: d.update(version=0), "no usable \u201cversion\u201d (found 0)")
edit("15-no-snapshot.json", lambda d: d.pop("snapshot"), "no \u201csnapshot\u201d object")
edit("16-snapshot-is-a-list.json", lambda d: d.update(snapshot=[]), "at snapshot: expected an object, found a list")
edit("17-snapshot-is-null.json", lambda d: d.update(snapshot=None), "at snapshot: expected an object, found null")
edit("18-value-is-text.json", lambda d: S(d)["indicators"][0]["values"][0]["value"].update(value="84.6"), "snapshot.indicators[0].values[0].value", "expected a number")
edit("19-unknown-unit.json", lambda d: S(d)["indicators"][1].update(unit="furlongs"), "snapshot.indicators[1].unit", "\u201cfurlongs\u201d is not one of: count")
edit("20-impossible-quarter.json", lambda d: S(d)["indicators"][0]["values"][0].update(period="Q5 2019/20"), "snapshot.indicators[0].values[0].period", "Q5 2019/20")
edit("21-thirtieth-of-february.json", lambda d: S(d).update(as_at="2019-02-30"), "at snapshot.as_at", "not a real calendar date")
edit("22-no-organisation.json", lambda d: S(d).pop("organisation"), "the field \u201corganisation\u201d is missing")
edit("23-unknown-field.json", lambda d: S(d)["indicators"][0].update(colour="red"), "snapshot.indicators[0]", "no field \u201ccolour\u201d")
edit("24-percentage-over-100.json", lambda d: S(d)["indicators"][1]["values"][0]["value"].update(value=112.0), "indicator \u201cre-referrals\u201d (indicators[1].values[0].value)", "a percentage must be from 0 to 100, not 112")
edit("25-duplicate-indicator-id.json", lambda d: S(d)["indicators"][1].update(id="cla"), "indicators[1].id", "\u201ccla\u201d is used twice")
edit("26-unknown-service-area.json", lambda d: S(d)["indicators"][0].update(service_area="adults"), "indicators[0].service_area", "\u201cadults\u201d is not in service_areas")
edit("27-unknown-source.json", lambda d: S(d)["indicators"][0]["values"][0].update(source="q4-report"), "indicators[0].values[0].source", "\u201cq4-report\u201d is not in sources")
edit("28-impact-of-six.json", lambda d: S(d)["register"][0]["assessments"][0].update(residual={"kind": "rated", "impact": 6, "likelihood": 4}), "register entry \u201cCR1\u201d (register[0].assessments[0].residual)", "impact must be from 1 to 5, not 6")
edit("29-score-of-seven.json", lambda d: S(d)["register"][0]["assessments"][0].update(inherent={"kind": "printed", "value": 7}), "register[0].assessments[0].inherent", "7 cannot come from a 5 x 5 grid")
edit("30-negative-likelihood.json", lambda d: S(d)["register"][0]["assessments"][0].update(residual={"kind": "rated", "impact": 4, "likelihood": -1}), "snapshot.register[0].assessments[0].residual", "-1")
edit("31-two-values-one-quarter.json", lambda d: S(d)["indicators"][1]["values"].append(copy.deepcopy(S(d)["indicators"][1]["values"][0])), "indicators[1].values[1].period", "two values for Q1 2019/20")
edit("32-complaints-by-quarter.json", lambda d: S(d)["complaints"][0].update(year="Q1 2017/18"), "complaints[0].year", "financial year")
edit("33-complaints-year-twice.json", lambda d: S(d)["complaints"].append(copy.deepcopy(S(d)["complaints"][0])), "complaints[1]", "already holds this year and procedure")
edit("34-stage-five.json", lambda d: S(d)["complaints"][0].update(stages=[{"stage": 5, "count": 3}]), "complaints[0].stages[0].stage", "not 5")
edit("35-overlapping-bands.json", lambda d: S(d)["settings"]["score_bands"][1].update(min=5), "settings.score_bands", "bands must not overlap")
edit("36-year-1019.json", lambda d: S(d).update(as_at="1019-06-30"), "(as_at)", "1019-06-30 is not plausible")
edit("37-negative-complaints.json", lambda d: S(d)["complaints"][0].update(received=-4), "snapshot.complaints[0].received", "-4")
def many(d):
    for i in S(d)["indicators"]:
        i["service_area"] = "nowhere"
    S(d)["organisation"] = ""
    S(d)["title"] = " "
    S(d)["indicators"][1]["values"][0]["value"]["value"] = 140.0
    S(d)["register"][0]["assessments"][0]["title"] = ""
    S(d)["sources"].extend({"id": f"untitled-{k}", "title": ""} for k in range(6))
edit("38-many-problems.json", many, "The file has 12 problems", "2 more")
edit("39-amber-tolerance-150.json", lambda d: S(d)["settings"].update(amber_within=150), "settings.amber_within", "not 150")
edit("40-retired-without-reason.json", lambda d: S(d)["register"][0].update(retired={"period": "Q3 2019/20", "reason": ""}), "register[0].retired.reason", "needs the reason")

expected = {}
for name, (body, words) in corpus.items():
    with open(name, "w", encoding="utf-8") as f:
        f.write(body)
    expected[name] = words
with open("good.json", "w") as f:
    f.write(good_text)
with open("expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(len(corpus), "bad files")
