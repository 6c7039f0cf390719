"""Which device wrote a FIT file, in words, and whether its altitude is barometric."""

from __future__ import annotations

import re

from saathi.tracks import fit_profile as profile
from saathi.tracks.fit_decode import Messages
from saathi.tracks.track import AltitudeSource, Track

# Manufacturers whose product numbers are Garmin product numbers (FIT profile sub-field
# file_id.garmin_product).
GARMIN_FAMILY = {"garmin", "dynastream", "dynastream_oem", "tacx"}
# How the makers write their own names, where the profile's identifier differs.
MAKER_NAMES = {
    "wahoo_fitness": "Wahoo",
    "coros": "COROS",
    "sigmasport": "SIGMA",
    "polar_electro": "Polar",
    "tomtom": "TomTom",
    "magellan": "Magellan",
    "hammerhead": "Hammerhead",
    "bryton": "Bryton",
    "lezyne": "Lezyne",
    "stages_cycling": "Stages",
    "development": "",
}
PRODUCT_WORDS = {
    "fr": "Forerunner",
    "vivoactive": "vívoactive",
    "fenix": "fēnix",
    "venusq": "Venu Sq",
}
REGION_SUFFIXES = {"asia", "apac", "japan", "jpn", "china", "chn", "korea", "kor", "taiwan"}
REGION_SUFFIXES |= {"twn", "sea", "thai", "russia", "hebrew"}
# Apps that take altitude from the phone's GPS (or a map), not a barometer.
GPS_ALTITUDE_MAKERS = {"strava"}
# Garmin watches without a barometric altimeter (their spec sheets), as the FIT profile
# names them; regional variants (fr235_japan) count as their base model.
GARMIN_WITHOUT_BAROMETER = {
    "fr10",
    "fr15",
    "fr25",
    "fr30",
    "fr35",
    "fr45",
    "fr55",
    "fr70",
    "fr110",
    "fr220",
    "fr225",
    "fr230",
    "fr235",
    "fr245",
    "fr245_music",
    "fr405",
    "fr610",
    "fr620",
    "fr630",
    "fr735xt",
    "venusq",
    "venusq_music",
    "venusq2",
    "venusq2music",
    "vivo_active",
}
# Makers whose watches and bike computers record barometric altitude.
BAROMETRIC_MAKERS = GARMIN_FAMILY | {
    "wahoo_fitness",
    "suunto",
    "coros",
    "sigmasport",
    "polar_electro",
}
BAROMETRIC_MAKERS |= {"hammerhead", "bryton", "lezyne", "stages_cycling"}


def device_name(messages: Messages) -> tuple[str | None, str | None, str | None]:
    """A readable device name ("Garmin Edge 500"), the maker and product identifiers."""
    maker, product, product_name = _creator(messages, "file_id")
    if maker is None or (product_name is None and maker not in GARMIN_FAMILY):
        # Wahoo names the product only in the creator's device_info message.
        maker2, product2, product_name2 = _creator(messages, "device_info")
        maker, product = maker or maker2, product or product2
        product_name = product_name or product_name2
    if maker is None and product_name is None:
        return None, None, None
    maker_words = _maker_words(maker)
    if product_name:
        if maker_words and not product_name.lower().startswith(maker_words.lower()):
            return f"{maker_words} {product_name}", maker, product
        return product_name, maker, product
    if product is not None and not product.isdigit():
        return f"{maker_words} {_product_words(product)}".strip(), maker, product
    return maker_words or None, maker, product


def _creator(messages: Messages, message: str) -> tuple[str | None, str | None, str | None]:
    """Maker, product identifier and product name of the first (creator) device message."""
    index, columns = messages.table(message)
    rows = list(range(len(index)))
    if message == "device_info":  # device index 0 is the device that wrote the file
        rows = [r for r in rows if columns["device_index"][r] == 0]
    names = dict(messages.strings(message, 8 if message == "file_id" else 27))
    for row in rows:
        maker_number = columns["manufacturer"][row]
        if maker_number != maker_number:
            continue
        maker = profile.TYPES["manufacturer"].get(int(maker_number), f"maker {int(maker_number)}")
        product_number = columns["product"][row]
        product = None
        if product_number == product_number:
            product = str(int(product_number))
            if maker in GARMIN_FAMILY:
                product = profile.TYPES["garmin_product"].get(int(product_number), product)
        return maker, product, names.get(int(index[row])) or None
    return None, None, None


def _maker_words(maker: str | None) -> str:
    if maker is None:
        return ""
    if maker in MAKER_NAMES:
        return MAKER_NAMES[maker]
    return " ".join(word.capitalize() for word in maker.split("_"))


def _product_words(product: str) -> str:
    """'edge500' -> 'Edge 500', 'fr735xt' -> 'Forerunner 735XT', 'edge_mtb' -> 'Edge MTB'."""
    words = [w for w in re.findall(r"[A-Za-z]+|\d+", product) if w.lower() not in REGION_SUFFIXES]
    out = []
    for word in words:
        lower = word.lower()
        if lower in PRODUCT_WORDS:
            out.append(PRODUCT_WORDS[lower])
        elif word.isdigit():
            out.append(word)
        elif not re.search(r"[aeiouy]", lower) or len(word) <= 2:
            out.append(word.upper())
        else:
            out.append(word.capitalize())
    # A number's letter suffix stays on it: Forerunner 735XT, fēnix 6S.
    return re.sub(r"(\d) ([A-Z]{1,3})\b", r"\1\2", " ".join(out))


def _model(product: str) -> str:
    """The profile's product name without a regional suffix: fr235_japan -> fr235."""
    base, _, suffix = product.rpartition("_")
    return base if base and suffix in REGION_SUFFIXES else product


def altitude_source(track: Track, maker: str | None, product: str | None) -> AltitudeSource:
    if not track.has("alt"):
        return "none"
    if maker in GPS_ALTITUDE_MAKERS:
        return "gps"
    if (
        maker in GARMIN_FAMILY
        and product is not None
        and _model(product) in GARMIN_WITHOUT_BAROMETER
    ):
        return "gps"
    if maker in BAROMETRIC_MAKERS:
        return "barometric"
    return "unknown"
