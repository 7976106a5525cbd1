"""GraphQL answers as table rows.

The flattening rule, the same for every query:

1. Every leaf field becomes a column named by its dotted path from the row:
   `type`, `speaker.name`, `evidence.article.title`.
2. A list of scalars stays a list in one cell (`aliases`, `items`).
3. A list of objects becomes one list-valued column per leaf path inside it,
   each in the list's order: `participants { name }` gives `participants.name`
   = ["Kim Jong Un", "Vladimir Putin"]; `evidence { sentence start }` gives
   `evidence.sentence` and `evidence.start`, index-aligned.
4. A null object, or an empty list, leaves the columns under it None, or
   empty lists; its own path is not a column when other rows have columns
   under it.
5. explode="path" turns the list of objects at that path into rows: one row
   per item (an empty list gives one row of None), with its fields as plain
   columns (`evidence.sentence` is then a string).

Columns keep the order in which the query selected them.
"""


def at(data, path=None):
    """The value at a dotted path in a query's data; with no path, the only
    top-level field."""
    if path is None:
        if not isinstance(data, dict) or len(data) != 1:
            raise ValueError(f"the answer has fields {list(data or {})}: say which one (field=...)")
        return next(iter(data.values()))
    for key in path.split("."):
        data = data[key] if isinstance(data, dict) else None
    return data


def nodes_of(connection):
    """The nodes of a connection: its `nodes`, else the `node` of its edges."""
    if connection.get("nodes") is not None:
        return list(connection["nodes"])
    return [e["node"] for e in connection.get("edges") or []]


def flatten(obj, prefix=""):
    """One row: nested objects to dotted keys, lists of objects to
    list-valued keys (rules 1–3 of the module's rule)."""
    out = {}
    for key, value in obj.items():
        name = prefix + key
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            items = [flatten(v) if isinstance(v, dict) else {} for v in value]
            keys = []
            for item in items:
                keys += [k for k in item if k not in keys]
            # Rule 4 inside the list: a null object gives way to its fields.
            keys = [k for k in keys if not any(c.startswith(k + ".") for c in keys)]
            for k in keys:
                out[f"{name}.{k}"] = [item.get(k) for item in items]
        else:
            out[name] = value
    return out


def _explode(obj, path):
    """Copies of obj, one per item of the list at path (rule 5)."""
    head, _, rest = path.partition(".")
    if not isinstance(obj, dict) or head not in obj:
        raise KeyError(f"explode: no field {head!r} in the rows")
    value = obj[head]
    if rest:
        return [{**obj, head: v} for v in _explode(value, rest)] if isinstance(value, dict) else [obj]
    if isinstance(value, list):
        return [{**obj, head: v} for v in value] or [{**obj, head: None}]
    return [obj]


def records(items, explode=None):
    """Flat rows of a list of GraphQL objects, by the module's rule."""
    rows = []
    for item in items:
        for obj in _explode(item, explode) if explode else [item]:
            rows.append(flatten(obj))
    # Rule 4: a path that is a column in some rows (a null object, an empty
    # list) and a prefix of columns in others gives way to those columns.
    keys = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    parents = {k: [c for c in keys if c.startswith(k + ".")] for k in keys}
    for k, children in parents.items():
        if not children:
            continue
        for r in rows:
            if k in r:
                v = r.pop(k)
                for c in children:
                    r.setdefault(c, [] if v == [] else None)
    return rows


def columns(rows):
    """The columns of rows, in the order they first appear."""
    cols = []
    seen = set()
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                cols.append(k)
    return cols


def to_frame(rows):
    """A pandas DataFrame of flat rows, columns in query order."""
    import pandas

    return pandas.DataFrame(rows, columns=columns(rows))


def matrix(relations, symmetric=True):
    """A square DataFrame of country pairs (countryRelations rows)."""
    import pandas

    codes = sorted({r["from"]["iso3"] for r in relations} | {r["to"]["iso3"] for r in relations})
    m = pandas.DataFrame(0, index=pandas.Index(codes, name="from"), columns=pandas.Index(codes, name="to"))
    for r in relations:
        a, b = r["from"]["iso3"], r["to"]["iso3"]
        m.loc[a, b] += r["count"]
        if symmetric and a != b:
            m.loc[b, a] += r["count"]
    return m
