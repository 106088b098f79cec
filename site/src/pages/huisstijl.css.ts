// Prerendered: the municipality's colours as design tokens (site/src/theme/identity.ts).
import type { APIRoute } from 'astro';
import { currentMunicipality } from '../../../functions/platform/config/municipality';
import { identityCss } from '../theme/identity';

export const prerender = true;

export const GET: APIRoute = () => new Response(identityCss(currentMunicipality()), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
