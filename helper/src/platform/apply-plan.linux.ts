// The order in which a checked plan is applied, wg-quick's `up`: addresses, MTU + up, DNS, routes, then the full-tunnel policy routing.
import { addressSteps } from './address.linux.js';
import { applyDns } from './dns.linux.js';
import { runIpSteps } from './ip-batch.linux.js';
import { linkSteps, readLink } from './link.linux.js';
import type { LinuxContext } from './linux-context.js';
import { addMarkFirewall } from './mark-firewall.linux.js';
import type { CheckedPlan } from './plan-validation.js';
import { addDefaultRoute, addRoutes } from './route.linux.js';
import { addFullTunnelRules } from './rule.linux.js';
import { setSysctl, SRC_VALID_MARK_KEY } from './sysctl.linux.js';

/**
 * Per family with a /0: the rules first, then the default route into the tunnel's table (wg-quick since
 * 2022, so nothing leaks in between); then src_valid_mark for IPv4 and the mark-restoring nft table.
 */
async function applyFullTunnel(context: LinuxContext, plan: CheckedPlan, fullTunnel: NonNullable<CheckedPlan['fullTunnel']>): Promise<void> {
  const families = ([4, 6] as const).filter((family) => (family === 4 ? fullTunnel.ipv4 : fullTunnel.ipv6));
  for (const family of families) {
    await addFullTunnelRules(context, family, fullTunnel.fwmark, fullTunnel.table);
    await addDefaultRoute(context, plan.interfaceName, family, fullTunnel.table);
  }
  if (fullTunnel.ipv4) await setSysctl(context, SRC_VALID_MARK_KEY, '1');
  const guarded = plan.addresses.filter((address) => families.includes(address.family));
  await addMarkFirewall(context, plan.interfaceName, fullTunnel.fwmark, guarded);
}

/** Makes every change of the plan, each journaled first; throws on the first failure (the caller undoes). */
export async function applyCheckedPlan(context: LinuxContext, plan: CheckedPlan): Promise<void> {
  const link = await readLink(context, plan.interfaceName);
  if (!link) throw new Error(`the interface ${plan.interfaceName} does not exist`);
  // Addresses, then MTU + up, in one ip run (connect time: every process ferryd starts costs milliseconds).
  await runIpSteps(context, [...addressSteps(plan.interfaceName, plan.addresses, link.addresses), ...linkSteps(plan.interfaceName, plan.mtuBytes, link)]);
  if (plan.dns) await applyDns(context, plan.interfaceName, plan.dns);
  await addRoutes(context, plan.interfaceName, plan.routes);
  if (plan.fullTunnel) await applyFullTunnel(context, plan, plan.fullTunnel);
}
