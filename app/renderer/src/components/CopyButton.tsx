// Copies text to the clipboard and announces it (falls back to a hidden textarea where the Clipboard API is refused).
import { useApp } from '../store/use-app.js';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

interface CopyButtonProps {
  text: string;
  label: string;
  what?: string;
}

export function CopyButton({ text, label, what }: CopyButtonProps) {
  const announce = useApp((state) => state.announce);
  return (
    <button type="button" className="button button-small" aria-label={label} onClick={async () => {
      announce((await copyText(text)) ? `${what ?? 'Text'} copied` : 'Could not copy');
    }}>
      Copy
    </button>
  );
}
