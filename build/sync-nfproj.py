#!/usr/bin/env python3
"""Rewrites the Compile items of every .nfproj between its BEGIN/END Compile markers so that they list
exactly the .cs files of the project's folder (obj/ and bin/ excluded), sorted, with Windows separators.
nanoFramework projects do not glob, so a file missing from the list would silently not ship.
Usage: python3 build/sync-nfproj.py   (from anywhere in the repository)"""
import os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
changed = 0
for d, dirs, files in os.walk(root):
    dirs[:] = [x for x in dirs if x not in ('obj', 'bin', '.git', 'artifacts', 'packages', 'node_modules')]
    for f in files:
        if not f.endswith('.nfproj'):
            continue
        path = os.path.join(d, f)
        sources = []
        for sd, sdirs, sfiles in os.walk(d):
            sdirs[:] = [x for x in sdirs if x not in ('obj', 'bin', 'packages')]
            for s in sfiles:
                if s.endswith('.cs'):
                    sources.append(os.path.relpath(os.path.join(sd, s), d).replace('/', '\\'))
        sources.sort(key=lambda s: s.lower())
        text = open(path, encoding='utf-8').read()
        m = re.search(r'(?P<indent>[ \t]*)<!-- BEGIN Compile[^\n]*\n(?P<body>.*?)(?P=indent)<!-- END Compile -->', text, re.S)
        if not m:
            print(f'{path}: no BEGIN/END Compile markers', file=sys.stderr)
            sys.exit(1)
        indent = m.group('indent')
        body = ''.join(f'{indent}<Compile Include="{s}" />\n' for s in sources)
        new = text[:m.start('body')] + body + text[m.end('body'):]
        if new != text:
            open(path, 'w', encoding='utf-8', newline='').write(new)
            changed += 1
            print(f'updated {os.path.relpath(path, root)} ({len(sources)} files)')
print(f'{changed} project(s) changed')
