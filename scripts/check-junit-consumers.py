#!/usr/bin/env python3
"""Check that a v360audit JUnit report loads in real consumers' parsers.

Loads the file with the `junitparser` package (PyPI; the parser many CI plugins and report tools
use) and, when available, validates it with `xmlschema` (or `lxml`) against the Ant JUnit schema
and the Jenkins xUnit schema kept in Tests/V360AuditTests/Fixtures/schemas/. Prints the counts.

    pip install junitparser xmlschema
    python3 scripts/check-junit-consumers.py reports/example/v360audit.junit.xml

Exit status: 0 when the file loads (and validates where a validator is installed), 1 otherwise.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = [ROOT / "Tests/V360AuditTests/Fixtures/schemas" / name
           for name in ("junit.xsd", "jenkins-xunit-junit-10.xsd")]


def load_with_junitparser(path):
    from junitparser import JUnitXml, Failure, Error, Skipped
    xml = JUnitXml.fromfile(str(path))
    totals = {"suites": 0, "tests": 0, "failures": 0, "errors": 0, "skipped": 0, "passed": 0}
    names = set()
    for suite in xml:
        totals["suites"] += 1
        for case in suite:
            totals["tests"] += 1
            key = (case.classname, case.name)
            if key in names:
                raise ValueError(f"duplicate test case {key}")
            names.add(key)
            kinds = {type(result) for result in case.result}
            if Failure in kinds:
                totals["failures"] += 1
            elif Error in kinds:
                totals["errors"] += 1
            elif Skipped in kinds:
                totals["skipped"] += 1
            else:
                totals["passed"] += 1
        declared = (int(suite.tests), int(suite.failures), int(suite.errors), int(suite.skipped or 0))
        counted = (len(list(suite)), sum(1 for c in suite if any(isinstance(r, Failure) for r in c.result)),
                   sum(1 for c in suite if any(isinstance(r, Error) for r in c.result)),
                   sum(1 for c in suite if any(isinstance(r, Skipped) for r in c.result)))
        if declared != counted:
            raise ValueError(f"suite {suite.name}: declared tests/failures/errors/skipped {declared}, found {counted}")
    return totals


def validate(path):
    """Validates against both schemas; returns the validator's name, or None when none is installed."""
    try:
        import xmlschema
        for schema in SCHEMAS:
            xmlschema.XMLSchema(str(schema)).validate(str(path))
        return "xmlschema"
    except ImportError:
        pass
    try:
        from lxml import etree
        document = etree.parse(str(path))
        for schema in SCHEMAS:
            etree.XMLSchema(etree.parse(str(schema))).assertValid(document)
        return "lxml"
    except ImportError:
        return None


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    path = Path(argv[1])
    try:
        totals = load_with_junitparser(path)
        validator = validate(path)
    except ImportError:
        print("junitparser is not installed: pip install junitparser xmlschema", file=sys.stderr)
        return 1
    except Exception as error:  # any parser or schema complaint fails the check
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    checked = f"valid against {', '.join(s.name for s in SCHEMAS)} ({validator})" if validator \
        else "schemas not checked (install xmlschema or lxml)"
    print(f"{path}: junitparser read {totals['suites']} suites, {totals['tests']} tests: "
          f"{totals['passed']} passed, {totals['failures']} failures, {totals['errors']} errors, "
          f"{totals['skipped']} skipped; {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
