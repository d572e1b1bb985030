"""Geoparsing benchmark on LGL and GeoWebNews (read from ../shared/eval/geo, never copied).

Per corpus: Acc@161km, median error and right-country share given the gold spans, and the share a
perfect ranker could reach with this gazetteer ("reachable"); then end to end
(our recognition + resolution): toponym recall and precision by span overlap, and Acc@161km on
the gold toponyms we recognised. Run from the project root:

    python benchmarks/bench_geo.py [../shared/eval/geo] [--limit N] [--no-e2e]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ACC_KM = 161.0


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    country: str | None


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    text: str
    toponyms: tuple[Gold, ...]


def read_lgl(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            golds.append(
                Gold(
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    float(tag.findtext("lat")),
                    float(tag.findtext("lon")),
                    tag.findtext("country"),
                )
            )
        docs.append(Doc(art.get("docid", str(len(docs))), text, tuple(golds)))
    return docs


def read_gwn(path: Path) -> list[Doc]:
    """GeoWebNews: toponyms with a GeoNames id are the resolvable ones (the published setting)."""
    docs = []
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            if not (t.findtext("geonamesID") or "").strip() or not (t.findtext("latitude") or "").strip():
                continue
            golds.append(
                Gold(
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    float(t.findtext("latitude")),
                    float(t.findtext("longitude")),
                    None,
                )
            )
        docs.append(Doc(art.get("file", str(len(docs))), text, tuple(golds)))
    return docs


def score_resolution(pairs: list[tuple[Gold, object]]) -> dict[str, float]:
    from eventwire.geo.gazetteer import haversine_km

    errors = []
    for g, place in pairs:
        errors.append(20038.0 if place is None else haversine_km(g.lat, g.lon, place.latitude, place.longitude))  # type: ignore[attr-defined]
    n = len(errors) or 1
    return {
        "n": len(errors),
        "acc161": sum(e <= ACC_KM for e in errors) / n,
        "median_km": statistics.median(errors) if errors else 0.0,
    }


def reachable(docs: list[Doc], gaz) -> float:  # type: ignore[no-untyped-def]
    """Share of gold toponyms with at least one candidate within 161 km: the Acc@161 a perfect
    ranker would reach with this gazetteer (the rest need names or places it does not hold)."""
    from eventwire.geo.gazetteer import haversine_km
    from eventwire.geo.resolve import candidate_places

    hits = total = 0
    for d in docs:
        for g in d.toponyms:
            total += 1
            places = candidate_places(d.text[g.start : g.end], gaz)
            hits += any(haversine_km(g.lat, g.lon, p.latitude, p.longitude) <= ACC_KM for p in places)
    return hits / (total or 1)


def country_share(pairs: list[tuple[Gold, object]], country_names: dict[str, str]) -> float | None:
    known = [(g, p) for g, p in pairs if g.country]
    if not known:
        return None
    ok = sum(1 for g, p in known if p is not None and country_names.get(p.country or "") == g.country)  # type: ignore[attr-defined]
    return ok / len(known)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="../shared/eval/geo")
    ap.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    ap.add_argument("--no-e2e", action="store_true", help="only resolution given gold spans")
    args = ap.parse_args(argv)
    root = Path(args.path)
    if not (root / "lgl.xml").exists() and not (root / "GWN.xml").exists():
        print(f"skipped: no LGL/GWN files under {root} (the evaluation data is not shipped)")
        return 0

    from eventwire.geo import Gazetteer, geoparse, resolve_spans
    from eventwire.settings import Settings

    t0 = time.perf_counter()
    gaz = Gazetteer.load(Settings.from_env())
    print(f"gazetteer: {len(gaz)} places, loaded in {time.perf_counter() - t0:.1f}s")
    names = _country_names(gaz)
    nlp = None
    for fname, reader in (("lgl.xml", read_lgl), ("GWN.xml", read_gwn)):
        if not (root / fname).exists():
            print(f"{fname}: absent, skipped")
            continue
        docs = reader(root / fname)
        if args.limit:
            docs = docs[: args.limit]
        t0 = time.perf_counter()
        pairs = []
        for d in docs:
            places = resolve_spans(d.text, [(g.start, g.end) for g in d.toponyms], gaz, d.id)
            pairs += list(zip(d.toponyms, places))
        r = score_resolution(pairs)
        cs = country_share(pairs, names)
        print(
            f"{fname} given spans: n={r['n']} Acc@161={r['acc161']:.3f} median_km={r['median_km']:.1f}"
            + (f" right_country={cs:.3f}" if cs is not None else "")
            + f" reachable={reachable(docs, gaz):.3f}"
            + f" ({time.perf_counter() - t0:.1f}s)"
        )
        if args.no_e2e:
            continue
        if nlp is None:
            from eventwire.annotate import load_model

            nlp = load_model(Settings.from_env().model)
        t0 = time.perf_counter()
        tp = n_pred = n_gold = 0
        e2e_pairs = []
        for ann in _annotated(docs, nlp):
            mentions = geoparse(ann, gaz)
            golds = next(d for d in docs if d.id == ann.article.id).toponyms
            n_pred += len(mentions)
            n_gold += len(golds)
            for g in golds:
                hit = next((m for m in mentions if m.span.start < g.end and g.start < m.span.end), None)
                if hit is not None:
                    e2e_pairs.append((g, hit.place))
            tp += sum(1 for m in mentions if any(m.span.start < g.end and g.start < m.span.end for g in golds))
        r2 = score_resolution(e2e_pairs)
        recall = len(e2e_pairs) / (n_gold or 1)
        # Demonyms ("Russian") are gold toponyms in both corpora but deliberately not place
        # mentions in eventwire (they feed country focus only): recall without them too.
        non_demonym = [(g, d) for d in docs for g in d.toponyms if not _is_demonym(d.text[g.start : g.end])]
        found = {(id(g)) for g, _ in e2e_pairs}
        recall_nd = sum(1 for g, _ in non_demonym if id(g) in found) / (len(non_demonym) or 1)
        precision = tp / (n_pred or 1)
        print(
            f"{fname} end to end: recall={recall:.3f} (without demonyms {recall_nd:.3f}) precision={precision:.3f} "
            f"Acc@161(matched)={r2['acc161']:.3f} median_km={r2['median_km']:.1f} "
            f"({time.perf_counter() - t0:.1f}s)"
        )
    return 0


def _is_demonym(phrase: str) -> bool:
    from eventwire.geo.demonyms import demonym_country
    from eventwire.geo.resolve import REGION_ADJECTIVES

    return demonym_country(phrase) is not None or phrase in REGION_ADJECTIVES


def _annotated(docs: list[Doc], nlp):  # type: ignore[no-untyped-def]
    from eventwire.annotate import annotate
    from eventwire.records import Article, Block, BlockKind

    articles = [Article(d.id, d.text, tuple(_blocks(d.text, Block, BlockKind))) for d in docs]
    return annotate(articles, nlp)


def _blocks(text: str, block, kind):  # type: ignore[no-untyped-def]
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        if part.strip():
            yield block(kind.BODY, start, end)
        start = end + 1


def _country_names(gaz) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """ISO2 -> the country name LGL writes ('United States'), via the gazetteer's country rows."""
    return {iso: p.name for iso, p in gaz.countries_by_iso().items()}


if __name__ == "__main__":
    sys.exit(main())
