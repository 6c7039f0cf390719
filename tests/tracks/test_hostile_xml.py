"""Entity bombs and external entities are refused before the parser sees them."""

from __future__ import annotations

import time

import pytest

from saathi.tracks.gpx import read_gpx
from saathi.tracks.read import read_track
from saathi.tracks.track import TrackError

BODY = (
    '<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&x;</name><trkseg>'
    '<trkpt lat="1" lon="2"/></trkseg></trk></gpx>'
)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY x0 "lol">']
    entities += [f'<!ENTITY x{i} "{("&x" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    entities.append('<!ENTITY x "&x9;">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE gpx [\n' + "\n".join(entities) + "\n]>\n" + BODY
    ).encode()


def test_a_billion_laughs_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(TrackError, match="document type") as caught:
        read_track(_billion_laughs())
    assert time.monotonic() - started < 1
    assert caught.value.line == 2


def test_an_external_entity_never_reads_the_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file://{secret}">]>' + BODY
    ).encode()

    with pytest.raises(TrackError) as caught:
        read_track(data)
    assert "TOP-SECRET-VALUE" not in str(caught.value)


def test_a_doctype_after_a_comment_is_still_refused():
    data = b"<!-- hello --><!DOCTYPE gpx SYSTEM 'http://example.com/gpx.dtd'>" + BODY.encode()
    with pytest.raises(TrackError, match="document type"):
        read_track(data)


def test_the_gpx_reader_refuses_a_doctype_on_its_own_too():
    import io

    with pytest.raises(TrackError, match="document type"):
        read_gpx(io.BytesIO(_billion_laughs()))


def test_an_undeclared_entity_is_a_track_error_with_a_line():
    data = b'<gpx xmlns="http://www.topografix.com/GPX/1/1">\n<trk><name>&nope;</name></trk></gpx>'
    with pytest.raises(TrackError) as caught:
        read_track(data)
    assert caught.value.line == 2
    assert caught.value.message.startswith("line 2: ")
