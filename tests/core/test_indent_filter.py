"""The public pages' ``indent`` filter (icsgov/jinja2.py) gives exactly what Jinja's own gives,
for every text, indention and option: it is there to be quicker, never different."""

from hypothesis import given
from hypothesis import strategies as st
from jinja2.filters import do_indent
from markupsafe import Markup

from icsgov.jinja2 import environment, indent

# Lines broken every way str.splitlines() breaks them, markup and blank lines among them.
texts = st.text(alphabet=st.sampled_from(list("ab <&>\"'\n\r\x0b\x0c\x1c\u2028\u0085")))


class Marked(Markup):
    """A subclass of Markup, which Jinja's filter keeps as the kind of its answer."""


widths = st.one_of(
    st.integers(min_value=-1, max_value=8),
    st.booleans(),
    st.text(alphabet=st.sampled_from(list(" \t<&>x")), max_size=3),
    st.builds(Markup, st.sampled_from(["<i>", "  ", ""])),
    st.builds(Marked, st.sampled_from(["<i>", "  "])),
)


@given(
    text=texts,
    kind=st.sampled_from([str, Markup, Marked]),
    width=widths,
    first=st.booleans(),
    blank=st.booleans(),
)
def test_the_same_text_and_kind_as_jinjas_indent(text, kind, width, first, blank):
    value = kind(text)
    ours, jinjas = indent(value, width, first, blank), do_indent(value, width, first, blank)
    assert ours == jinjas
    assert type(ours) is type(jinjas)


def test_the_pages_use_it_and_a_component_comes_out_as_before():
    from jinja2 import DictLoader

    env = environment(loader=DictLoader({}))
    assert env.filters["indent"] is indent
    template = """{% from "nhsuk/components/date-input/macro.jinja" import dateInput %}
        {{ dateInput({"id": "as-at", "namePrefix": "as_at",
                      "fieldset": {"legend": {"text": "As at"}},
                      "items": [{"name": "day", "value": "01"}, {"name": "month"},
                                {"name": "year", "value": "2024"}]}) }}"""
    ours = env.from_string(template).render()
    env.filters["indent"] = do_indent
    assert ours == env.from_string(template).render()
    assert "nhsuk-date-input" in ours and 'value="2024"' in ours
