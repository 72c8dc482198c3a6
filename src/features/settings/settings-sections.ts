// The sections of the settings page, in order. A new section (e.g. the chat provider) is its own
// component in its own file plus one entry here.
import type { ComponentType } from 'react';
import { ChatProviderSection } from './chat-provider-section';
import { SyncServerSection } from './sync-server-section';

export interface SettingsSection {
  id: string;
  title: string;
  Component: ComponentType;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'sync-server', title: 'Sync server', Component: SyncServerSection },
  { id: 'chat-provider', title: 'Chat provider', Component: ChatProviderSection },
];
