// The network plan's routes: AllowedIPs other than /0, never one that would carry Ferry's own packets to a server.
import { describe, expect, it } from 'vitest';
import { networkPlan } from './connection-plan.js';
import { profileConfig } from './connection-test-setup.js';

const ROUTING = { fwmark: 51820, table: 51820 };

describe('networkPlan routes', () => {
  it('routes the AllowedIPs, longest prefix first', () => {
    expect(networkPlan(profileConfig(['10.66.0.0/24', '198.18.0.1/32']), 'ferry0', 1420, ROUTING).routes).toEqual(['198.18.0.1/32', '10.66.0.0/24']);
  });

  it('splits a route that holds the server (IP literal endpoint) around it', () => {
    const routes = networkPlan(profileConfig(['10.66.0.0/24', '198.18.2.0/24']), 'ferry0', 1420, ROUTING).routes;
    expect(routes).toHaveLength(9);
    expect(routes).not.toContain('198.18.2.0/24');
    expect(routes).toEqual(expect.arrayContaining(['198.18.2.128/25', '198.18.2.3/32', '198.18.2.0/31', '10.66.0.0/24']));
    // A route that is only the server's own address goes away entirely.
    expect(networkPlan(profileConfig(['198.18.2.2/32']), 'ferry0', 1420, ROUTING).routes).toEqual([]);
  });

  it('uses the resolved addresses when given (a host name endpoint), IPv6 too', () => {
    const config = profileConfig(['10.66.0.0/24', '2001:db8::/64'], {}, 'vpn.example');
    const routes = networkPlan(config, 'ferry0', 1420, ROUTING, ['2001:db8::7']).routes;
    expect(routes).not.toContain('2001:db8::/64');
    expect(routes).toContain('2001:db8::8/125');
    expect(routes).toHaveLength(1 + 64);
    // Without them a host name cannot be matched: the route stays as written.
    expect(networkPlan(config, 'ferry0', 1420, ROUTING).routes).toEqual(['2001:db8::/64', '10.66.0.0/24']);
  });

  it('leaves /0 to policy routing, where the socket mark already keeps the server outside', () => {
    const plan = networkPlan(profileConfig(['0.0.0.0/0', '198.18.2.0/24']), 'ferry0', 1420, ROUTING);
    expect(plan.fullTunnel).toEqual({ ipv4: true, ipv6: false, ...ROUTING });
    expect(plan.routes).not.toContain('198.18.2.0/24');
  });
});
