"""Regenerate the import templates shipped in resources/templates/.

    python scripts/make_templates.py

The app can also write the same template anywhere on demand
(`livestream_desk.services.product_io.write_product_template`).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from livestream_desk.services.product_io import write_product_template

    target = ROOT / "resources" / "templates" / "products_template.xlsx"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_product_template(target)
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
