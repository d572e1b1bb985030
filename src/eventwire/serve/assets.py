"""Fetch the dashboard's third-party assets from the npm registry at install time.

    python -m eventwire.serve.assets [--force] [--dest DIR]

The dashboard must work offline and without a CDN, but vendored minified libraries do not belong
in git: so the install step runs this once. It `npm pack`s pinned versions (npm checks each
tarball against the registry's integrity hash), extracts only the files the page loads, with
their licences, into `src/eventwire/web/vendor/` (git-ignored) and writes a manifest; a second
run with the same pins does nothing. Nothing is fetched when the server runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent.parent / "web" / "vendor"
MANIFEST = "MANIFEST.json"
NPM_TIMEOUT_S = 300


@dataclass(frozen=True, slots=True)
class Package:
    """One pinned npm package and the files of it the page needs: {path in tarball: path in vendor/}."""

    name: str
    version: str
    files: dict[str, str]

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def tarball(self) -> str:
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"


PACKAGES: tuple[Package, ...] = (
    Package("leaflet", "1.9.4", {
        "dist/leaflet.js": "leaflet/leaflet.js",
        "dist/leaflet.css": "leaflet/leaflet.css",
        "dist/images/layers.png": "leaflet/images/layers.png",
        "dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
        "dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
        "dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
        "dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
        "LICENSE": "leaflet/LICENSE",
    }),
    Package("leaflet.markercluster", "1.5.3", {
        "dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
        "dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
        "dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
        "MIT-LICENCE.txt": "markercluster/LICENSE",
    }),
    Package("topojson-client", "3.1.0", {
        "dist/topojson-client.min.js": "topojson/topojson-client.min.js",
        "LICENSE": "topojson/LICENSE",
    }),
    # Natural Earth 1:50m country outlines (public domain) as TopoJSON: the offline base map.
    Package("world-atlas", "2.0.2", {
        "countries-50m.json": "world/countries-50m.json",
        "LICENSE": "world/LICENSE",
    }),
)


def expected_manifest() -> dict[str, str]:
    return {p.name: p.version for p in PACKAGES}


def is_current(dest: Path = VENDOR_DIR) -> bool:
    """True when every pinned package's files are already in `dest`."""
    try:
        manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("packages") != expected_manifest():
        return False
    return all((dest / target).is_file() for p in PACKAGES for target in p.files.values())


def build(dest: Path = VENDOR_DIR, force: bool = False, npm: str = "npm") -> Path:
    """Fetch and extract the pinned packages into `dest` (atomically: a failed run leaves the
    previous folder as it was)."""
    if not force and is_current(dest):
        return dest
    if shutil.which(npm) is None:
        raise RuntimeError(f"{npm!r} was not found: install Node.js and npm (e.g. apt-get install -y npm)")
    with tempfile.TemporaryDirectory(prefix="eventwire-assets-") as tmp:
        work = Path(tmp)
        subprocess.run(
            [npm, "pack", "--silent", *(p.spec for p in PACKAGES)],
            cwd=work, check=True, timeout=NPM_TIMEOUT_S, stdout=subprocess.DEVNULL,
        )
        staging = work / "vendor"
        hashes: dict[str, str] = {}
        for package in PACKAGES:
            hashes.update(_extract(work / package.tarball, package, staging))
        (staging / MANIFEST).write_text(
            json.dumps({"packages": expected_manifest(), "sha256": hashes}, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        if dest.exists():
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, dest)
    return dest


def _extract(tarball: Path, package: Package, staging: Path) -> dict[str, str]:
    """Copy only the listed members (never trusting paths inside the archive)."""
    hashes: dict[str, str] = {}
    with tarfile.open(tarball, "r:gz") as tar:
        for source, target in package.files.items():
            member = tar.getmember(f"package/{source}")
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                raise RuntimeError(f"{package.spec}: {source} is not a regular file")
            data = handle.read()
            out = staging / target
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
            hashes[target] = hashlib.sha256(data).hexdigest()
    return hashes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dest", type=Path, default=VENDOR_DIR, help="where to put the files")
    parser.add_argument("--force", action="store_true", help="fetch again even if up to date")
    args = parser.parse_args(argv)
    try:
        dest = build(args.dest, force=args.force)
    except (RuntimeError, subprocess.SubprocessError, OSError, KeyError) as exc:
        print(f"eventwire assets: {exc}", file=sys.stderr)
        return 1
    print(f"dashboard assets ready in {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
