#!/usr/bin/env python3
"""Regenerates TagoFirmware.sln (classic format, every project of the repository, the .nfproj ones included) and
TagoFirmware.Linux.slnf (only the SDK-style .csproj projects, for `dotnet build TagoFirmware.Linux.slnf`) from the
project files found in the repository.

- Solution folders: the top folder of each project (firmware/, tests/); device projects (.nfproj, which only Visual
  Studio with the nanoFramework extension loads) sit in a nested nanoFramework/ folder under it, so the device and host
  builds of one library (TagoFirmware.Core.nfproj, TagoFirmware.Core.csproj) never share a name in one folder.
- GUIDs are stable: an .nfproj keeps its own <ProjectGuid>; any other project keeps the GUID the existing .sln gives
  it, and a new one gets a GUID derived from its path, so two people adding the same project get the same line.
- .nfproj entries get Deploy.0 lines next to ActiveCfg/Build.0, as Visual Studio writes them for nanoFramework.
The gate test tests/TagoFirmware.Gates.Tests (Solution/) fails when either file is out of date.
Usage: python3 build/sync-sln.py [--check]   (--check: change nothing, exit 1 if a file would change)"""
import json, os, re, sys, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLN = os.path.join(ROOT, 'TagoFirmware.sln')
SLNF = os.path.join(ROOT, 'TagoFirmware.Linux.slnf')
SKIP = {'.git', '.vs', 'obj', 'bin', 'artifacts', 'packages', 'node_modules', 'testresults', 'benchmarkdotnet.artifacts'}
NFPROJ_TYPE = '{11A8DD76-328B-46DF-9F39-F559912D0360}'
CSPROJ_TYPE = '{9A19103F-16F7-4668-BE54-9A1E7A4F7556}'
FOLDER_TYPE = '{2150E333-8FDC-42A3-9474-1A3956D46DE8}'
DEVICE_FOLDER = 'nanoFramework'
# Fixed namespace for the path-derived GUIDs of new projects and folders (any constant works; never change it).
GUID_NAMESPACE = uuid.UUID('5d0a7e52-3c1b-4f0e-9a7d-6b2c8e4f1a30')
CONFIGS = ('Debug|Any CPU', 'Release|Any CPU')


def braced(value):
    return '{' + str(uuid.UUID(value.strip().strip('{}'))).upper() + '}'


def derived(key):
    return braced(str(uuid.uuid5(GUID_NAMESPACE, key)))


def find_projects():
    found = []
    for d, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(x for x in dirs if x.lower() not in SKIP and not x.startswith('.'))
        for f in files:
            if f.endswith('.csproj') or f.endswith('.nfproj'):
                found.append(os.path.relpath(os.path.join(d, f), ROOT).replace(os.sep, '/'))
    return sorted(found)


def existing_guids():
    """Project path (with '/') -> GUID, and solution folder path -> GUID, from the current .sln."""
    projects, folders = {}, {}
    if not os.path.exists(SLN):
        return projects, folders
    text = open(SLN, encoding='utf-8-sig').read()
    entries = re.findall(r'Project\("(\{[^}]+\})"\)\s*=\s*"([^"]*)",\s*"([^"]*)",\s*"(\{[^}]+\})"', text)
    nested = dict(re.findall(r'^\s*(\{[^}]+\})\s*=\s*(\{[^}]+\})\s*$',
                             (re.search(r'GlobalSection\(NestedProjects\).*?EndGlobalSection', text, re.S) or [''])[0], re.M))
    names = {g.upper(): n for t, n, p, g in entries if t.upper() == FOLDER_TYPE}
    for type_guid, name, path, guid in entries:
        if type_guid.upper() == FOLDER_TYPE:
            chain, g = [name], guid.upper()
            while g in {k.upper() for k in nested}:
                g = {k.upper(): v.upper() for k, v in nested.items()}[g]
                chain.insert(0, names.get(g, '?'))
            folders['/'.join(chain)] = braced(guid)
        else:
            projects[path.replace('\\', '/')] = braced(guid)
    return projects, folders


def nfproj_guid(path):
    text = open(os.path.join(ROOT, path), encoding='utf-8-sig').read()
    m = re.search(r'<ProjectGuid>\s*([^<]+?)\s*</ProjectGuid>', text)
    if not m:
        sys.exit(f'{path}: no <ProjectGuid>; an .nfproj needs one (Visual Studio keys the solution entry on it)')
    return braced(m.group(1))


def solution_folder(path):
    top = path.split('/')[0] if '/' in path else ''
    if not top:
        return ''
    return top + '/' + DEVICE_FOLDER if path.endswith('.nfproj') else top


def render():
    old_projects, old_folders = existing_guids()
    projects = []
    for path in find_projects():
        guid = nfproj_guid(path) if path.endswith('.nfproj') else old_projects.get(path) or derived('project:' + path)
        projects.append((path, guid))
    seen = {}
    for path, guid in projects:
        if guid in seen:
            sys.exit(f'{path} and {seen[guid]} have the same GUID {guid}; give one of them a new <ProjectGuid>')
        seen[guid] = path

    folders = {}
    for path, _ in projects:
        folder = solution_folder(path)
        while folder and folder not in folders:
            folders[folder] = old_folders.get(folder) or derived('folder:' + folder)
            folder = folder.rsplit('/', 1)[0] if '/' in folder else ''

    out = ['',  # Visual Studio starts the file with an empty line after the BOM
           'Microsoft Visual Studio Solution File, Format Version 12.00',
           '# Visual Studio Version 17',
           'VisualStudioVersion = 17.0.31903.59',
           'MinimumVisualStudioVersion = 10.0.40219.1']
    for folder in sorted(folders):
        name = folder.rsplit('/', 1)[-1]
        out += [f'Project("{FOLDER_TYPE}") = "{name}", "{name}", "{folders[folder]}"', 'EndProject']
    for path, guid in projects:
        kind = NFPROJ_TYPE if path.endswith('.nfproj') else CSPROJ_TYPE
        name = os.path.splitext(os.path.basename(path))[0]
        out += [f'Project("{kind}") = "{name}", "{path.replace("/", chr(92))}", "{guid}"', 'EndProject']
    out += ['Global', '\tGlobalSection(SolutionConfigurationPlatforms) = preSolution']
    out += [f'\t\t{c} = {c}' for c in CONFIGS]
    out += ['\tEndGlobalSection', '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution']
    for path, guid in projects:
        for c in CONFIGS:
            out += [f'\t\t{guid}.{c}.ActiveCfg = {c}', f'\t\t{guid}.{c}.Build.0 = {c}']
            if path.endswith('.nfproj'):
                out.append(f'\t\t{guid}.{c}.Deploy.0 = {c}')
    out += ['\tEndGlobalSection', '\tGlobalSection(SolutionProperties) = preSolution', '\t\tHideSolutionNode = FALSE',
            '\tEndGlobalSection', '\tGlobalSection(NestedProjects) = preSolution']
    for folder in sorted(folders):
        if '/' in folder:
            out.append(f'\t\t{folders[folder]} = {folders[folder.rsplit("/", 1)[0]]}')
    for path, guid in projects:
        folder = solution_folder(path)
        if folder:
            out.append(f'\t\t{guid} = {folders[folder]}')
    out += ['\tEndGlobalSection', '\tGlobalSection(ExtensibilityGlobals) = postSolution',
            f'\t\tSolutionGuid = {derived("solution:TagoFirmware")}', '\tEndGlobalSection', 'EndGlobal', '']
    sln = '\r\n'.join(out)

    slnf = json.dumps({'solution': {
        'path': 'TagoFirmware.sln',
        'projects': [p.replace('/', '\\') for p, _ in projects if p.endswith('.csproj')],
    }}, indent=2) + '\n'
    return sln, slnf


def main():
    check = '--check' in sys.argv[1:]
    sln, slnf = render()
    stale = []
    for path, text, bom in ((SLN, sln, True), (SLNF, slnf, False)):
        data = ('\ufeff' if bom else '') + text
        current = open(path, encoding='utf-8', newline='').read() if os.path.exists(path) else None
        if current == data:
            continue
        stale.append(os.path.basename(path))
        if not check:
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(data)
    if check:
        if stale:
            print('out of date: ' + ', '.join(stale) + ' (run python3 build/sync-sln.py)', file=sys.stderr)
            sys.exit(1)
        print('TagoFirmware.sln and TagoFirmware.Linux.slnf are up to date')
    else:
        print('updated: ' + ', '.join(stale) if stale else 'TagoFirmware.sln and TagoFirmware.Linux.slnf were up to date')


if __name__ == '__main__':
    main()
