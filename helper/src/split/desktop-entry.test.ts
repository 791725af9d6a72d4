// XDG desktop entry parsing (Desktop Entry Specification 1.5): groups, escapes, Exec quoting and field codes, what is hidden.
import { describe, expect, it } from 'vitest';
import { execProgram, execWords, parseDesktopEntry, unescapeValue } from './desktop-entry.js';

describe('execWords', () => {
  it.each<[string, string[]]>([
    ['firefox %u', ['firefox']],
    ['/usr/bin/gimp-2.10 %U', ['/usr/bin/gimp-2.10']],
    ['"/opt/My App/bin/app" --flag %F', ['/opt/My App/bin/app', '--flag']],
    ['sh -c "echo \\"hi\\" \\$HOME"', ['sh', '-c', 'echo "hi" $HOME']],
    ['app --percent 100%%', ['app', '--percent', '100%']],
    ['app "" x', ['app', '', 'x']],
    ['  spaced\tout  ', ['spaced', 'out']],
  ])('%j → %j', (exec, words) => {
    expect(execWords(exec)).toEqual(words);
  });
});

describe('execProgram', () => {
  it.each<[string, string | null]>([
    ['firefox %u', 'firefox'],
    ['env GDK_BACKEND=x11 LANG=C /opt/app/run --x', '/opt/app/run'],
    ['/usr/bin/env FOO=1 steam %U', 'steam'],
    ['env', null],
    ['%u', null],
    ['', null],
  ])('%j → %j', (exec, program) => {
    expect(execProgram(exec)).toBe(program);
  });
});

describe('unescapeValue', () => {
  it('turns \\s \\n \\t \\r \\\\ into their characters and leaves other backslashes', () => {
    expect(unescapeValue('a\\sb\\nc\\td\\re\\\\f\\"g')).toBe('a b\nc\td\re\\f\\"g');
  });
});

const ENTRY = (body: string): string => `# comment\n[Desktop Entry]\n${body}\n[Desktop Action new-window]\nName=New Window\nExec=other --new-window\n`;

describe('parseDesktopEntry', () => {
  it.each<[string, string, ReturnType<typeof parseDesktopEntry>]>([
    ['a plain application', 'Type=Application\nName=Firefox\nName[de]=Feuerfuchs\nIcon=firefox\nExec=firefox %u', { name: 'Firefox', icon: 'firefox', program: 'firefox', tryExec: null }],
    ['spaces around =, escapes, TryExec', 'Type = Application\nName = My\\sApp\nExec = "/opt/My App/app"\nTryExec=/opt/My App/app', { name: 'My App', icon: null, program: '/opt/My App/app', tryExec: '/opt/My App/app' }],
    ['the first of a repeated key', 'Type=Application\nName=One\nName=Two\nExec=one', { name: 'One', icon: null, program: 'one', tryExec: null }],
    ['an entry without Type (read as an application)', 'Name=Tool\nExec=tool', { name: 'Tool', icon: null, program: 'tool', tryExec: null }],
    ['a link', 'Type=Link\nName=Site\nURL=https://example.com', null],
    ['NoDisplay=true', 'Type=Application\nName=Helper\nExec=helper\nNoDisplay=true', null],
    ['Hidden=true', 'Type=Application\nName=Gone\nExec=gone\nHidden=true', null],
    ['no Name', 'Type=Application\nExec=nameless', null],
    ['no Exec', 'Type=Application\nName=D-Bus activated', null],
    ['keys of other groups only', 'Type=Application', null],
  ])('%s', (_what, body, expected) => {
    expect(parseDesktopEntry(ENTRY(body))).toEqual(expected);
  });

  it('ignores keys before the first group', () => {
    expect(parseDesktopEntry('Name=Outside\nExec=outside\n[Desktop Entry]\nType=Application\n')).toBeNull();
  });
});
