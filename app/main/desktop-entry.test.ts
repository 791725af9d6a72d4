import { describe, expect, it } from 'vitest';
import { execValue, quoteExecArgument, readMainGroup } from './desktop-entry.js';

describe('quoteExecArgument (Desktop Entry spec, the Exec key)', () => {
  it.each([
    ['/usr/bin/ferry', '/usr/bin/ferry'],
    ['--hidden', '--hidden'],
    ['/opt/My Apps/ferry', '"/opt/My Apps/ferry"'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    ['$HOME', '"\\$HOME"'],
    ['`x`', '"\\`x\\`"'],
    ['back\\slash', '"back\\\\slash"'],
    ["it's", '"it\'s"'],
    ['a=b', '"a=b"'],
    ['~/ferry', '"~/ferry"'],
    ['x;y&z|w', '"x;y&z|w"'],
  ])('%j → %s', (argument, quoted) => {
    expect(quoteExecArgument(argument)).toBe(quoted);
  });
});

describe('execValue', () => {
  it('joins the quoted arguments', () => {
    expect(execValue('/usr/bin/node', ['/srv/ferry/dist/app/host/main.js', '--hidden'])).toBe('/usr/bin/node /srv/ferry/dist/app/host/main.js --hidden');
  });

  it('doubles % so no field code is expanded', () => {
    expect(execValue('/opt/100%/ferry', [])).toBe('/opt/100%%/ferry');
  });

  it('applies the string escapes after the quoting (a backslash is written four times)', () => {
    expect(execValue('/opt/a\\b c/ferry', [])).toBe('"/opt/a\\\\\\\\b c/ferry"');
    expect(execValue('/opt/line\nbreak', [])).toBe('"/opt/line\\nbreak"');
  });
});

describe('readMainGroup', () => {
  it('reads the keys of [Desktop Entry] only, skipping comments and other groups', () => {
    const keys = readMainGroup('# comment\n[Desktop Entry]\nName=Ferry\nHidden = true\n\n[Desktop Action quit]\nName=Quit\nExec=x\n');
    expect([...keys]).toEqual([['Name', 'Ferry'], ['Hidden', 'true']]);
  });

  it('ignores keys before any group and lines without =', () => {
    expect([...readMainGroup('Name=Early\n[Desktop Entry]\nnonsense\nType=Application\n')]).toEqual([['Type', 'Application']]);
  });
});
