// The [Interface] part of the profile editor: addresses, DNS, MTU, listen port, and replacing the private key.
import { TextField } from '../../components/TextField.js';
import type { FieldErrors, ProfileForm } from './profile-form.js';

interface InterfaceFieldsProps {
  form: ProfileForm;
  errors: FieldErrors;
  onChange(form: ProfileForm): void;
}

export function InterfaceFields({ form, errors, onChange }: InterfaceFieldsProps) {
  return (
    <fieldset className="section">
      <legend>This device</legend>
      <div className="form-grid">
        <TextField className="span-2" label="Addresses" mono value={form.addresses} onChange={(addresses) => onChange({ ...form, addresses })}
          error={errors['interface.addresses']} hint="Tunnel addresses with prefix, e.g. 10.66.0.2/32, fd66::2/128" />
        <TextField className="span-2" label="DNS servers" mono value={form.dns} onChange={(dns) => onChange({ ...form, dns })} error={errors['interface.dns']} />
        <TextField label="MTU" inputMode="numeric" value={form.mtu} onChange={(mtu) => onChange({ ...form, mtu })} error={errors['interface.mtu']} placeholder="automatic" />
        <TextField label="Listen port" inputMode="numeric" value={form.listenPort} onChange={(listenPort) => onChange({ ...form, listenPort })}
          error={errors['interface.listenPort']} placeholder="random" />
        <TextField className="span-2" label="Replace private key" mono value={form.privateKey} onChange={(privateKey) => onChange({ ...form, privateKey })}
          error={errors['interface.privateKey']} hint="Leave empty to keep the current key." />
      </div>
    </fieldset>
  );
}
