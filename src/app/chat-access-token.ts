/** The signed-in writer's token for the app's chat service (null when local-only or signed out). */
export async function chatAccessToken(): Promise<string | null> {
  const { syncRuntime } = await import('./sync/sync-runtime-instance');
  const client = syncRuntime().runtime.currentConnection()?.client;
  if (!client) return null;
  const { data } = await client.auth.getSession();
  return data.session?.access_token ?? null;
}
