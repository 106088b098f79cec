/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Handed in by the host (the Hono site app), so pages never build AWS clients themselves. */
    services: import('../../functions/apps/site/services').SiteServices;
  }
}
