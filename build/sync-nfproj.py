#!/usr/bin/env python3
"""Rewrites the Compile items of every .nfproj between its BEGIN/END Compile markers, sorted, with Windows separators.
nanoFramework projects do not glob, so a file missing from the list would silently not ship.

Two kinds of project:
- one project per folder (the firmware): the marker is `<!-- BEGIN Compile ... -->` and the project lists exactly
  the .cs files of its folder tree (obj/, bin/ and packages/ excluded);
- several projects over one folder tree (the device test assemblies, split by area so that each stays within the
  nanoFramework per-assembly limits): the marker names the folders, relative to the project,
  `<!-- BEGIN Compile tests="Json Payload" support="Session" ... -->`. The project lists every .cs file under each
  `tests` folder and the helper files (those without [TestClass]) under each `support` folder (a folder that does not
  exist contributes nothing). Across the projects of
  one folder, every .cs file under it must be listed by at least one project and every test file by exactly one,
  otherwise this script fails and names the files (a new folder must be given to a project).
Usage: python3 build/sync-nfproj.py [--check]   (from anywhere in the repository; --check changes nothing and fails
when a project is out of date)"""
import os, re, sys

SKIP = ('obj', 'bin', '.git', 'artifacts', 'packages', 'node_modules', 'TestResults')
MARKER = re.compile(r'(?P<indent>[ \t]*)<!-- BEGIN Compile(?P<args>[^\n]*?)-->[^\n]*\n(?P<body>.*?)(?P=indent)<!-- END Compile -->', re.S)
FOLDERS = re.compile(r'\b(tests|support)="([^"]*)"')
TEST_CLASS = re.compile(r'^\s*\[TestClass\b', re.M)


def cs_files(folder):
    """Every .cs file under folder (absolute paths), skipping build outputs."""
    found = []
    for d, dirs, files in os.walk(folder):
        dirs[:] = [x for x in dirs if x not in SKIP]
        found.extend(os.path.join(d, f) for f in files if f.endswith('.cs'))
    return found


def is_test_file(path):
    with open(path, encoding='utf-8-sig') as f:
        return TEST_CLASS.search(f.read()) is not None


def sources_of(project, args):
    """(sources, test files) the project must list: absolute paths."""
    d = os.path.dirname(project)
    folders = dict(FOLDERS.findall(args))
    if 'tests' not in folders:
        files = cs_files(d)
        return files, [f for f in files if is_test_file(f)]
    tests, support = [], []
    # A declared folder that does not exist (yet) contributes nothing: folders come and go with the code, and a
    # misspelt one leaves its files in no project, which the check below reports.
    for name in folders['tests'].split():
        tests.extend(cs_files(os.path.normpath(os.path.join(d, name))))
    for name in folders.get('support', '').split():
        support.extend(f for f in cs_files(os.path.normpath(os.path.join(d, name))) if not is_test_file(f))
    files = sorted(set(tests) | set(support))
    return files, [f for f in files if is_test_file(f)]


def main():
    check = '--check' in sys.argv[1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    changed, problems = 0, []
    split_trees = {}   # folder -> [(project, listed files, listed test files)]
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in SKIP]
        for f in sorted(files):
            if not f.endswith('.nfproj'):
                continue
            path = os.path.join(d, f)
            text = open(path, encoding='utf-8').read()
            m = MARKER.search(text)
            if not m:
                problems.append(f'{os.path.relpath(path, root)}: no BEGIN/END Compile markers')
                continue
            sources, tests = sources_of(path, m.group('args'))
            if 'tests=' in m.group('args'):
                split_trees.setdefault(d, []).append((path, set(sources), set(tests)))
            relative = sorted((os.path.relpath(s, d).replace('/', '\\') for s in sources), key=lambda s: s.lower())
            indent = m.group('indent')
            body = ''.join(f'{indent}<Compile Include="{s}" />\n' for s in relative)
            new = text[:m.start('body')] + body + text[m.end('body'):]
            if new != text:
                changed += 1
                if check:
                    problems.append(f'{os.path.relpath(path, root)} is out of date (run python3 build/sync-nfproj.py)')
                else:
                    open(path, 'w', encoding='utf-8', newline='').write(new)
                    print(f'updated {os.path.relpath(path, root)} ({len(relative)} files)')

    for d, projects in sorted(split_trees.items()):
        for source in sorted(cs_files(d)):
            owners = [p for p, listed, _ in projects if source in listed]
            test_owners = [p for p, _, tests in projects if source in tests]
            rel = os.path.relpath(source, root)
            if not owners:
                problems.append(f'{rel} is in no device test project of {os.path.relpath(d, root)}: '
                                'add its folder to the tests="..." (or support="...") of one .nfproj there')
            elif len(test_owners) > 1:
                names = ', '.join(os.path.basename(p) for p in test_owners)
                problems.append(f'{rel} holds tests and is listed by {names}: a test runs in exactly one device test assembly')

    for p in problems:
        print(p, file=sys.stderr)
    print(f'{changed} project(s) {"out of date" if check else "changed"}')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
