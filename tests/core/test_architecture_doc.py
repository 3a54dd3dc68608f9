"""docs/architecture.md stays true: its layer diagram is the import contract's."""


def test_layer_diagram_is_up_to_date():
    from icsgov.management.commands.layer_diagram import DOC, diagram

    assert diagram() in DOC.read_text(), "run: python manage.py layer_diagram --write"
