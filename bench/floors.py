"""The floor of each API read: the same JSON as the registry answers (same fields, same nesting,
same URLs, same order) from ONE hand-written SQL query through psycopg2, assembled in plain
Python and encoded with orjson — no Django ORM, no serializer, no view, no middleware.

Related lists (a body's convening organisations, predecessors, successors, members, seats) are
aggregated by Postgres in the same query (``json_agg``). The registry code used is plain Python
or plain data: ``icsgov.core.dates.format_date`` (a source's date in words), the choices'
labels and sets (a region's name, a chair model's label, the chairing roles), and, once, the
list of tracked models and their event tables to write the changes feed's query text.

Each floor takes the request path the benchmark made (for its parameters) and returns the bytes.
The benchmark (bench/run.py) checks that the floor's JSON equals ours before it times it.
"""

import base64
import csv
import datetime
import io
import json
from urllib.parse import parse_qs, urlencode, urlsplit

import orjson
import psycopg2
import psycopg2.extras
from django.db import connection

from icsgov.core.dates import format_date
from places.choices import NHSRegion

BASE = "http://localhost"
_connection = None


def db():
    """A plain psycopg2 connection to the same database (outside Django's)."""
    global _connection
    if _connection is None:
        _connection = psycopg2.connect(**connection.get_connection_params())
        _connection.autocommit = True
        # json columns decoded by orjson rather than the standard library.
        psycopg2.extras.register_default_json(_connection, loads=orjson.loads)
    return _connection


def params(path):
    return {key: values[-1] for key, values in parse_qs(urlsplit(path).query).items()}


def page_links(path, count, limit, offset):
    """DRF's limit/offset links: the query's parameters sorted, limit and offset replaced."""
    base = urlsplit(path).path
    query = params(path)

    def link(new_offset):
        q = dict(query, limit=str(limit))
        if new_offset:
            q["offset"] = str(new_offset)
        else:
            q.pop("offset", None)
        return f"{BASE}{base}?{urlencode(sorted(q.items()))}"

    following = link(offset + limit) if offset + limit < count else None
    previous = link(max(offset - limit, 0)) if offset > 0 else None
    return following, previous


def brief(kind, slug, *fields, url_first=False):
    """A nested object: its fields, then its API address (``None`` when there is no link)."""
    if slug is None:
        return None
    return {"slug": slug, **dict(fields), "url": f"{BASE}/api/v1/{kind}/{slug}/"}


SOURCE_COLUMNS = """
    s.slug, s.title, s.publisher, s.kind, s.date, s.date_precision, s.date_end, s.url
"""


def source(row, confirmed_on):
    """(source brief, known_as_of) from the SOURCE_COLUMNS of a row."""
    slug, title, publisher, kind, date, precision, date_end, url = row
    if slug is None:
        brief_source = None
    else:
        brief_source = {
            "slug": slug,
            "title": title,
            "publisher": publisher,
            "kind": kind,
            "date": date.isoformat() if date else None,
            "date_precision": precision,
            "when": format_date(date, precision, date_end),
            "url": f"{BASE}/api/v1/sources/{slug}/",
            "document_url": url or None,
        }
    if confirmed_on:
        known = {"date": confirmed_on.isoformat(), "precision": "day", "confirmed": True}
    elif slug is not None and date:
        known = {"date": date.isoformat(), "precision": precision, "confirmed": False}
    else:
        known = None
    return brief_source, known


def iso(value):
    return value.isoformat() if value is not None else None


def envelope(path, count, limit, offset, results):
    following, previous = page_links(path, count, limit, offset)
    return orjson.dumps(
        {"count": count, "next": following, "previous": previous, "results": results}
    )


def limits(path):
    query = params(path)
    return int(query.get("limit", 50)), int(query.get("offset", 0))


# --- /api/v1/memberships/?system=...&limit=100, and every system's ----------------------------

# The count is a scalar subquery of the appointments the filter keeps (Postgres counts them
# once, apart from the page, joining only what the filter needs), so the page keeps its LIMIT:
# without the filter, the first 100 of 40,000 are read from the bodies' name index down
# rather than all joined and sorted. With the filter it is faster than ``count(*) OVER ()``
# too (measured in the same run: docs/performance.md, 25).
# The joins are written from the system down: the floor's connection plans joins four at a
# time, as the registry's does (DATABASE_JOIN_COLLAPSE_LIMIT), and written from the
# appointments up it joined all 40,000 before filtering by system (63-79 ms instead of 5).
APPOINTMENTS = f"""
SELECT m.slug, pe.slug, pe.name, pe.honorific, po.slug, po.label, po.role,
       b.slug, b.name, b.short_name, o.slug, o.name, o.short_name,
       m.kind, m.voting, COALESCE(m.voting, po.voting), m.start_date, m.start_precision,
       m.end_date, m.end_precision, m.notes, m.source_section, m.confirmed_on,
       {SOURCE_COLUMNS},
       (SELECT count(*) FROM partnerships_membership m {{counted}})
FROM places_system sy
JOIN partnerships_board b ON b.system_id = sy.id
JOIN partnerships_post po ON po.board_id = b.id
JOIN partnerships_membership m ON m.post_id = po.id
JOIN partnerships_person pe ON pe.id = m.person_id
LEFT JOIN partnerships_organisation o ON o.id = m.on_behalf_of_id
LEFT JOIN core_source s ON s.id = m.source_id
{{where}}
ORDER BY b.name, po."order", m.start_date, m.id
LIMIT %(limit)s OFFSET %(offset)s
"""
_BY_SYSTEM = APPOINTMENTS.replace(
    "{counted}",
    """JOIN partnerships_post po ON po.id = m.post_id
        JOIN partnerships_board b ON b.id = po.board_id
        JOIN places_system sy ON sy.id = b.system_id
        WHERE sy.slug = %(system)s""",
).replace("{where}", "WHERE sy.slug = %(system)s")
_EVERY_SYSTEM = APPOINTMENTS.replace("{counted}", "").replace("{where}", "")


def appointments_list(path):
    limit, offset = limits(path)
    count, results = _appointments(path, limit, offset)
    return envelope(path, count, limit, offset, results)


def _appointments(path, limit, offset):
    system = params(path).get("system")
    with db().cursor() as cursor:
        cursor.execute(
            _EVERY_SYSTEM if system is None else _BY_SYSTEM,
            {"system": system, "limit": limit, "offset": offset},
        )
        rows = cursor.fetchall()
    results = []
    for r in rows:
        brief_source, known = source(r[23:31], r[22])
        results.append(
            {
                "slug": r[0],
                "url": f"{BASE}/api/v1/memberships/{r[0]}/",
                "person": brief("people", r[1], ("name", r[2]), ("honorific", r[3])),
                "post": brief("posts", r[4], ("name", r[5]), ("role", r[6])),
                "board": brief("boards", r[7], ("name", r[8]), ("short_name", r[9])),
                "role": r[6],
                "on_behalf_of": brief(
                    "organisations", r[10], ("name", r[11]), ("short_name", r[12])
                ),
                "kind": r[13],
                "voting": r[14],
                "is_voting": r[15],
                "start_date": iso(r[16]),
                "start_precision": r[17],
                "end_date": iso(r[18]),
                "end_precision": r[19],
                "notes": r[20],
                "source": brief_source,
                "source_section": r[21],
                "known_as_of": known,
            }
        )
    count = rows[0][-1] if rows else 0
    return count, results


# --- /api/v1/memberships/?system=...&limit=100&format=csv ---------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # as a spreadsheet may hold it: not a formula
    return value


def _flat(value, prefix, row):
    """Nested objects as dotted columns; a null object as one empty column."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _flat(inner, f"{prefix}.{key}" if prefix else key, row)
    else:
        row[prefix] = _cell(value)


def appointments_csv(path):
    """The same rows as the appointments list, written by the standard library's csv module."""
    limit, offset = limits(path)
    _, results = _appointments(path, limit, offset)
    rows, columns = [], {}
    for item in results:
        row = {}
        _flat(item, "", row)
        rows.append(row)
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


# --- /api/v1/systems/?limit=100 --------------------------------------------------------------

_SUCCESSION = """
    (SELECT COALESCE(json_agg(json_build_object(
         'slug', x.slug, 'name', x.name, 'end_date', {date_of}, 'end_kind', {kind_of})
         ORDER BY x.name), '[]')
     FROM places_system_predecessors l JOIN places_system x ON x.id = l.{other}
     WHERE l.{this} = sy.id)"""

SYSTEMS = f"""
SELECT sy.slug, sy.name, sy.short_name, sy.region, sy.population, sy.population_note,
       sy.start_date, sy.start_precision, sy.end_date, sy.end_precision, sy.end_kind,
       sy.end_reason, sy.is_demonstration, sy.source_section, sy.confirmed_on,
       {
    _SUCCESSION.format(
        date_of="x.end_date", kind_of="x.end_kind", other="to_system_id", this="from_system_id"
    )
},
       {
    _SUCCESSION.format(
        date_of="sy.end_date", kind_of="sy.end_kind", other="from_system_id", this="to_system_id"
    )
},
       icb.slug, icb.name, icb.short_name,
       (SELECT COALESCE(json_agg(json_build_object('scheme', i.scheme, 'code', i.code)
                                 ORDER BY i.scheme, i.code), '[]')
        FROM partnerships_organisationidentifier i
        WHERE i.organisation_id = icb.id
          AND (i.valid_from IS NULL OR i.valid_from <= %(on)s)
          AND (i.valid_to IS NULL OR i.valid_to >= %(on)s)),
       {SOURCE_COLUMNS}, count(*) OVER ()
FROM places_system sy
LEFT JOIN LATERAL (
    SELECT o.id, o.slug, o.name, o.short_name FROM partnerships_organisation o
    WHERE o.system_id = sy.id AND o.kind = 'icb' ORDER BY o.start_date, o.name LIMIT 1
) icb ON true
LEFT JOIN core_source s ON s.id = sy.source_id
ORDER BY sy.name, sy.id
LIMIT %(limit)s OFFSET %(offset)s
"""


def _succession(entry):
    end = entry["end_date"]
    change = (datetime.date.fromisoformat(end) + datetime.timedelta(days=1)) if end else None
    return {
        "slug": entry["slug"],
        "name": entry["name"],
        "url": f"{BASE}/api/v1/systems/{entry['slug']}/",
        "date": iso(change),
        "part": entry["end_kind"] == "split",
    }


def systems_list(path):
    limit, offset = limits(path)
    on = datetime.date.today()
    with db().cursor() as cursor:
        cursor.execute(SYSTEMS, {"on": on, "limit": limit, "offset": offset})
        rows = cursor.fetchall()
    regions = dict(NHSRegion.choices)
    results = []
    for r in rows:
        brief_source, known = source(r[21:29], r[14])
        codes = {c["scheme"]: c["code"] for c in r[20]} if r[17] else {}
        results.append(
            {
                "slug": r[0],
                "url": f"{BASE}/api/v1/systems/{r[0]}/",
                "name": r[1],
                "short_name": r[2],
                "region": r[3],
                "region_name": regions.get(r[3], r[3]),
                "icb": brief("organisations", r[17], ("name", r[18]), ("short_name", r[19])),
                "codes": {
                    "as_at": on.isoformat(),
                    "ods": codes.get("ods"),
                    "gss": codes.get("gss"),
                },
                "population": r[4],
                "population_note": r[5],
                "start_date": iso(r[6]),
                "start_precision": r[7],
                "end_date": iso(r[8]),
                "end_precision": r[9],
                "end_kind": r[10],
                "end_reason": r[11],
                "predecessors": [_succession(e) for e in r[15]],
                "successors": [
                    _succession({**e, "end_date": iso(r[8]), "end_kind": r[10]}) for e in r[16]
                ],
                "is_demonstration": r[12],
                "source": brief_source,
                "source_section": r[13],
                "known_as_of": known,
            }
        )
    count = rows[0][-1] if rows else 0
    return envelope(path, count, limit, offset, results)


# --- /api/v1/boards/?limit=100 ---------------------------------------------------------------


def _board_briefs(where):
    return f"""
    (SELECT COALESCE(json_agg(json_build_object(
         'slug', x.slug, 'name', x.name, 'short_name', x.short_name,
         'url', '{BASE}/api/v1/boards/' || x.slug || '/') ORDER BY xs.name, x.name), '[]')
     FROM partnerships_board_predecessors l
     JOIN partnerships_board x ON x.id = l.{where[1]}
     JOIN places_system xs ON xs.id = x.system_id
     WHERE l.{where[0]} = b.id)"""


BODIES_COLUMNS = f"""b.slug, b.name, b.short_name, b.kind, b.status,
       sy.slug, sy.name, sy.short_name, pl.slug, pl.name, fp.slug, fp.name, cl.slug, cl.name,
       pa.slug, pa.name, pa.short_name,
       (SELECT COALESCE(json_agg(json_build_object(
            'slug', o.slug, 'name', o.name, 'short_name', o.short_name,
            'url', '{BASE}/api/v1/organisations/' || o.slug || '/') ORDER BY o.name), '[]')
        FROM partnerships_board_convening_organisations c
        JOIN partnerships_organisation o ON o.id = c.organisation_id
        WHERE c.board_id = b.id),
       {_board_briefs(("from_board_id", "to_board_id"))},
       {_board_briefs(("to_board_id", "from_board_id"))},
       b.chair_model, b.meets_in_public, b.purpose, b.attendance_expectation,
       b.start_date, b.start_precision, b.end_date, b.end_precision, b.end_reason,
       b.source_section, b.confirmed_on, {SOURCE_COLUMNS}"""

BODIES_FROM = """
FROM partnerships_board b
JOIN places_system sy ON sy.id = b.system_id
LEFT JOIN places_place pl ON pl.id = b.place_id
LEFT JOIN places_footprint fp ON fp.id = b.footprint_id
LEFT JOIN places_cluster cl ON cl.id = b.cluster_id
LEFT JOIN partnerships_board pa ON pa.id = b.parent_id
LEFT JOIN core_source s ON s.id = b.source_id"""

BODIES = f"""
SELECT {BODIES_COLUMNS}, count(*) OVER ()
{BODIES_FROM}
ORDER BY sy.name, b.name, b.id
LIMIT %s OFFSET %s
"""


def _body(r):
    """A body as the bodies list shows it, from the first 39 columns of a BODIES row."""
    brief_source, known = source(r[31:39], r[30])
    return {
        "slug": r[0],
        "url": f"{BASE}/api/v1/boards/{r[0]}/",
        "name": r[1],
        "short_name": r[2],
        "kind": r[3],
        "status": r[4],
        "system": brief("systems", r[5], ("name", r[6]), ("short_name", r[7])),
        "place": brief("places", r[8], ("name", r[9])),
        "footprint": brief("footprints", r[10], ("name", r[11])),
        "cluster": brief("clusters", r[12], ("name", r[13])),
        "parent": brief("boards", r[14], ("name", r[15]), ("short_name", r[16])),
        "convening_organisations": r[17],
        "predecessors": r[18],
        "successors": r[19],
        "chair_model": r[20],
        "meets_in_public": r[21],
        "purpose": r[22],
        "attendance_expectation": r[23],
        "start_date": iso(r[24]),
        "start_precision": r[25],
        "end_date": iso(r[26]),
        "end_precision": r[27],
        "end_reason": r[28],
        "source": brief_source,
        "source_section": r[29],
        "known_as_of": known,
    }


def bodies_list(path):
    limit, offset = limits(path)
    with db().cursor() as cursor:
        cursor.execute(BODIES, [limit, offset])
        rows = cursor.fetchall()
    results = [_body(r) for r in rows]
    count = rows[0][-1] if rows else 0
    return envelope(path, count, limit, offset, results)


# --- /api/v1/boards/<slug>/?as_at=... ------------------------------------------------------------

# In effect on the date %(on)s: started on or before it (or start unknown), not ended before it.
_IN_EFFECT = (
    "({t}.start_date IS NULL OR {t}.start_date <= %(on)s) AND "
    "({t}.end_date IS NULL OR {t}.end_date >= %(on)s)"
)

BOARD_ON = f"""
SELECT {BODIES_COLUMNS},
       (SELECT COALESCE(json_agg(json_build_object(
            'slug', m.slug, 'url', '{BASE}/api/v1/memberships/' || m.slug || '/',
            'person', json_build_object('slug', pe.slug, 'name', pe.name,
                'honorific', pe.honorific, 'url', '{BASE}/api/v1/people/' || pe.slug || '/'),
            'post', json_build_object('slug', p.slug, 'name', p.label, 'role', p.role,
                'url', '{BASE}/api/v1/posts/' || p.slug || '/'),
            'on_behalf_of', CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
                'slug', o.slug, 'name', o.name, 'short_name', o.short_name,
                'url', '{BASE}/api/v1/organisations/' || o.slug || '/') END,
            'kind', m.kind, 'is_voting', COALESCE(m.voting, p.voting),
            'start_date', m.start_date, 'end_date', m.end_date)
            ORDER BY p."order", p.label, m.kind, pe.sort_name, pe.name), '[]')
        FROM partnerships_membership m
        JOIN partnerships_post p ON p.id = m.post_id
        JOIN partnerships_person pe ON pe.id = m.person_id
        LEFT JOIN partnerships_organisation o ON o.id = m.on_behalf_of_id
        WHERE p.board_id = b.id AND {_IN_EFFECT.format(t="m")}),
       (SELECT COALESCE(json_agg(json_build_object(
            'slug', p.slug, 'url', '{BASE}/api/v1/posts/' || p.slug || '/',
            'label', p.label, 'role', p.role, 'office', p.office, 'places', p.places,
            'filled', f.filled,
            'membership_maintained', COALESCE(b.membership_maintained_from <= %(on)s, false),
            'vacancies', CASE WHEN p.places IS NOT NULL
                AND b.membership_maintained_from <= %(on)s
                THEN GREATEST(p.places - f.filled, 0) END,
            'holders_not_recorded', CASE WHEN p.places IS NOT NULL
                AND NOT COALESCE(b.membership_maintained_from <= %(on)s, false)
                THEN GREATEST(p.places - f.filled, 0) END,
            'nominating_organisation', CASE WHEN n.id IS NULL THEN NULL ELSE json_build_object(
                'slug', n.slug, 'name', n.name, 'short_name', n.short_name,
                'url', '{BASE}/api/v1/organisations/' || n.slug || '/') END,
            'nominating_sector', p.nominating_sector, 'voting', p.voting,
            'statutory', p.statutory, 'notes', p.notes)
            ORDER BY p."order", p.label), '[]')
        FROM partnerships_post p
        LEFT JOIN partnerships_organisation n ON n.id = p.nominating_organisation_id
        CROSS JOIN LATERAL (
            SELECT count(*)::int AS filled FROM partnerships_membership m
            WHERE m.post_id = p.id AND m.kind = 'member' AND {_IN_EFFECT.format(t="m")}) f
        WHERE p.board_id = b.id AND {_IN_EFFECT.format(t="p")}),
       EXISTS (SELECT 1 FROM partnerships_termsofreference t WHERE t.board_id = b.id)
{BODIES_FROM}
WHERE b.slug = %(slug)s
"""


def board_detail(path):
    """A body as at a date, as the superuser sees it: its members (with the chairs among them),
    its seats with places filled, vacant or not recorded. Written for bodies without terms of
    reference (the synthetic ones): it refuses a body that has some."""
    from partnerships.choices import ChairModel, MembershipKind, Role

    slug = urlsplit(path).path.rstrip("/").rsplit("/", 1)[-1]
    on = datetime.date.fromisoformat(params(path)["as_at"])
    with db().cursor() as cursor:
        cursor.execute(BOARD_ON, {"on": on, "slug": slug})
        r = cursor.fetchone()
    if r[-1]:
        raise SystemExit(f"board detail floor: {slug} has terms of reference (not written)")
    body = _body(r)
    members, seats = r[-3], r[-2]
    chairing = {str(role) for role in Role.chairing()}
    body.update(
        {
            "as_at": on.isoformat(),
            "chair": {
                "model": body["chair_model"],
                "label": dict(ChairModel.choices).get(body["chair_model"], body["chair_model"]),
                "several_chairs_allowed": body["chair_model"]
                in {str(model) for model in ChairModel.allowing_several_chairs()},
                "chairs": [
                    m
                    for m in members
                    if m["kind"] == MembershipKind.MEMBER and m["post"]["role"] in chairing
                ],
            },
            "members": members,
            "seats": seats,
            "terms_of_reference": None,
        }
    )
    return orjson.dumps(body)


# --- /api/v1/search/?q=...&type=person -----------------------------------------------------

PEOPLE_SEARCH = """
SELECT slug, name, score, text_match, demonstration,
       CASE WHEN text_match THEN ts_headline('english',
            COALESCE(name, '') || ' … ' || COALESCE(biography, ''), query,
            'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", '
            || 'StartSel=' || chr(2) || ', StopSel=' || chr(3)) ELSE '' END
FROM (
    SELECT *, rank + word_similarity + similarity AS score
    FROM (
        SELECT p.slug, p.name, p.biography, q.query,
               COALESCE(sy.is_demonstration, false) AS demonstration,
               COALESCE(ts_rank(v.vector, q.query), 0.0) AS rank,
               word_similarity(icsgov_unaccent(%(q)s), icsgov_unaccent(p.name)) AS word_similarity,
               similarity(icsgov_unaccent(p.name), icsgov_unaccent(%(q)s)) AS similarity,
               v.vector @@ q.query AS text_match
        FROM partnerships_person p
             LEFT JOIN places_system sy ON sy.id = p.system_id,
             LATERAL to_tsvector('english',
                 COALESCE(p.name, '') || ' ' || COALESCE(p.biography, '')) AS v(vector),
             websearch_to_tsquery('english', %(q)s) AS q(query)
        WHERE to_tsvector('english', COALESCE(p.name, '') || ' ' || COALESCE(p.biography, ''))
                  @@ q.query
           OR icsgov_unaccent(p.name) %%> icsgov_unaccent(%(q)s)
    ) AS scored
    ORDER BY score DESC, name
    LIMIT %(limit)s
) AS hits
ORDER BY score DESC, name
"""


def people_search(path):
    query = params(path)
    q, limit = query["q"].strip(), int(query.get("limit", 20))
    with db().cursor() as cursor:
        cursor.execute(PEOPLE_SEARCH, {"q": q, "limit": limit})
        rows = cursor.fetchall()
    results = [
        {
            "type": "person",
            "slug": slug,
            "name": name,
            "url": f"{BASE}/api/v1/people/{slug}/",
            "snippet": (headline if text_match and "\x02" in headline else "")
            .replace("\x02", "")
            .replace("\x03", ""),
            "matched": "text" if text_match else "name",
            "score": round(score, 4),
            "is_demonstration": demonstration,
        }
        for slug, name, score, text_match, demonstration, headline in rows
    ]
    # The registry's correction applies only when no result has the words in its text.
    if not any(row[3] for row in rows) and rows:
        raise NotImplementedError("the floor does not reproduce the spelling correction")
    return orjson.dumps({"query": q, "corrected": None, "count": len(results), "results": results})


def explain_difference(name, ours, theirs, where=""):
    """Print the first place two JSON values differ (for a floor being written)."""
    if type(ours) is not type(theirs):
        print(f"{name}{where}: ours {ours!r:.200} floor {theirs!r:.200}")
    elif isinstance(ours, dict):
        for key in ours.keys() | theirs.keys():
            if ours.get(key, "<absent>") != theirs.get(key, "<absent>"):
                explain_difference(name, ours.get(key), theirs.get(key), f"{where}.{key}")
                return
        if list(ours) != list(theirs):
            print(f"{name}{where}: key order ours {list(ours)} floor {list(theirs)}")
    elif isinstance(ours, list):
        if len(ours) != len(theirs):
            print(f"{name}{where}: {len(ours)} items, floor {len(theirs)}")
        for i, (a, b) in enumerate(zip(ours, theirs, strict=False)):
            if a != b:
                explain_difference(name, a, b, f"{where}[{i}]")
                return
    else:
        print(f"{name}{where}: ours {ours!r:.200} floor {theirs!r:.200}")


# --- /api/v1/changes/?limit=100 (a superuser) ----------------------------------------------------

_CHANGES_SQL = None


def _changes_sql():
    """The feed's query: the page of the keys table (every event's key, kept by triggers on the
    event tables: icsgov/change_keys.py) by time, one more than the page to know whether
    there is a next (the feed pages by cursor and has no count), and for each
    event on the page its data, the data of the event before it of the same record (for an
    update's difference) and its context. The event tables are named once, from the
    registry's list of tracked models (plain text made once; the query itself is Postgres's
    alone)."""
    global _CHANGES_SQL
    if _CHANGES_SQL is None:
        from icsgov.core import history

        tables = [
            (history.event_model(m)._meta.label, history.event_model(m)._meta.db_table)
            for m in history.tracked_models()
        ]

        def pick(alias, condition):
            branches = " ".join(
                f"WHEN '{event}' THEN (SELECT row_to_json(x)::jsonb FROM {table} x WHERE "
                f"{condition.format(x='x')} ORDER BY x.pgh_id DESC LIMIT 1)"
                for event, table in tables
            )
            return f"CASE {alias}.m {branches} END"

        _CHANGES_SQL = f"""
        WITH page AS (
            SELECT k.pgh_model AS m, k.pgh_obj_model AS obj_model, k.pgh_id, k.pgh_created_at,
                   k.pgh_label, k.pgh_obj_id::bigint AS pgh_obj_id, k.pgh_context_id,
                   k.pgh_slug AS slug
            FROM icsgov_change_key k
            ORDER BY k.pgh_created_at DESC, k.pgh_slug DESC
            LIMIT %(limit)s)
        SELECT p.slug, p.pgh_created_at, p.pgh_label, p.obj_model, p.pgh_obj_id::text,
               {pick("p", "{x}.pgh_id = p.pgh_id")},
               CASE WHEN p.pgh_label = 'update' THEN
                   {pick("p", "{x}.pgh_obj_id = p.pgh_obj_id AND {x}.pgh_id < p.pgh_id")} END,
               c.metadata, u.username
        FROM page p
        LEFT JOIN pghistory_context c ON c.id = p.pgh_context_id
        LEFT JOIN auth_user u ON jsonb_typeof(c.metadata -> 'user') = 'number'
             AND u.id = (c.metadata ->> 'user')::int
        ORDER BY p.pgh_created_at DESC, p.slug DESC
        """
    return _CHANGES_SQL


def _utc(moment):
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def changes_feed(path):
    """The changes feed as a superuser reads it (every record, private fields kept, staff
    named)."""
    limit, _ = limits(path)
    with db().cursor() as cursor:
        cursor.execute(_changes_sql(), {"limit": limit + 1})
        rows = cursor.fetchall()
    more, rows = len(rows) > limit, rows[:limit]
    results = []
    for slug, when, label, obj_model, obj_id, data, before, context, username in rows:
        data, context = data or {}, context or {}
        if "command" in context:
            who = context.get("username") or f"command {context['command']}"
            via = f"command {context['command']}"
        elif username is not None or context.get("user"):
            who, via = username, context.get("url")
        else:
            who, via = None, context.get("url")
        data = {k: v for k, v in data.items() if not k.startswith("pgh_")}
        if label == "update":
            before = {k: v for k, v in (before or {}).items() if not k.startswith("pgh_")}
            pairs = {k: [before[k], v] for k, v in data.items() if k in before and before[k] != v}
        elif label == "delete":
            pairs = {k: [v, None] for k, v in data.items()}
        else:
            pairs = {k: [None, v] for k, v in data.items()}
        results.append(
            {
                "id": slug,
                "when": _utc(when),
                "who": who,
                "via": via,
                "model": obj_model.lower(),
                "object_id": obj_id,
                "object_slug": data.get("slug"),
                "label": label,
                "changes": {k: {"before": b, "after": a} for k, (b, a) in sorted(pairs.items())},
            }
        )
    following = None
    if more:
        when, slug = rows[-1][1], rows[-1][0]
        at = [when.astimezone(datetime.UTC).isoformat(), slug]
        raw = json.dumps({"back": False, "order": "desc", "at": at}, separators=(",", ":"))
        raw = raw.encode()
        query = dict(params(path), cursor=base64.urlsafe_b64encode(raw).decode().rstrip("="))
        following = f"{BASE}{urlsplit(path).path}?{urlencode(sorted(query.items()))}"
    return orjson.dumps({"next": following, "previous": None, "results": results})


# --- /api/v1/systems/<slug>/popolo/ (a superuser, no date) ------------------------------

POPOLO = """
WITH sy AS (SELECT id FROM places_system WHERE slug = %(slug)s),
ms AS (
    SELECT m.*, p.slug AS post_slug, p.role AS post_role, p."order" AS post_order,
           b.slug AS board_slug, b.name AS board_name
    FROM partnerships_membership m
    JOIN partnerships_post p ON p.id = m.post_id
    JOIN partnerships_board b ON b.id = p.board_id
    WHERE b.system_id = (SELECT id FROM sy))
SELECT
  (SELECT COALESCE(json_agg(json_build_object(
       'id', pe.slug, 'name', pe.name, 'sort_name', pe.sort_name,
       'honorific_prefix', pe.honorific, 'biography', pe.biography)
       ORDER BY pe.sort_name, pe.name, pe.id), '[]')
   FROM partnerships_person pe WHERE pe.id IN (SELECT person_id FROM ms)),
  (SELECT COALESCE(json_agg(json_build_object(
       'id', b.slug, 'name', b.name, 'classification', 'body:' || b.kind,
       'parent_id', pa.slug, 'founding_date', b.start_date, 'dissolution_date', b.end_date,
       'identifiers', '[]'::json) ORDER BY s.name, b.name, b.id), '[]')
   FROM partnerships_board b JOIN places_system s ON s.id = b.system_id
   LEFT JOIN partnerships_board pa ON pa.id = b.parent_id
   WHERE b.system_id = (SELECT id FROM sy)),
  (SELECT COALESCE(json_agg(json_build_object(
       'id', o.slug, 'name', o.name, 'classification', 'organisation:' || o.kind,
       'parent_id', NULL, 'founding_date', o.start_date, 'dissolution_date', o.end_date,
       'identifiers', (SELECT COALESCE(json_agg(json_build_object(
            'scheme', i.scheme, 'identifier', i.code) ORDER BY i.scheme, i.code, i.valid_from),
            '[]') FROM partnerships_organisationidentifier i WHERE i.organisation_id = o.id))
       ORDER BY o.name, o.id), '[]')
   FROM partnerships_organisation o
   WHERE o.system_id = (SELECT id FROM sy)
      OR o.id IN (SELECT organisation_id FROM partnerships_councilarea
                  WHERE system_id = (SELECT id FROM sy))),
  (SELECT COALESCE(json_agg(json_build_object(
       'id', p.slug, 'label', p.label, 'role', p.role, 'organization_id', b.slug,
       'start_date', p.start_date, 'end_date', p.end_date)
       ORDER BY b.name, p."order", p.label, p.id), '[]')
   FROM partnerships_post p JOIN partnerships_board b ON b.id = p.board_id
   WHERE b.system_id = (SELECT id FROM sy)),
  (SELECT COALESCE(json_agg(json_build_object(
       'id', ms.slug, 'person_id', pe.slug, 'post_id', ms.post_slug,
       'organization_id', ms.board_slug, 'on_behalf_of_id', o.slug, 'role', ms.post_role,
       'start_date', ms.start_date, 'end_date', ms.end_date)
       ORDER BY ms.board_name, ms.post_order, ms.start_date, ms.id), '[]')
   FROM ms JOIN partnerships_person pe ON pe.id = ms.person_id
   LEFT JOIN partnerships_organisation o ON o.id = ms.on_behalf_of_id)
"""


def popolo_export(path):
    """A system's Popolo export as a superuser reads it, without a date (everything)."""
    slug = urlsplit(path).path.rstrip("/").split("/")[-2]
    with db().cursor() as cursor:
        cursor.execute(POPOLO, {"slug": slug})
        persons, boards, organisations, posts, memberships = cursor.fetchone()
    return orjson.dumps(
        {
            "as_at": None,
            "persons": persons,
            "organizations": boards + organisations,
            "posts": posts,
            "memberships": memberships,
        }
    )
