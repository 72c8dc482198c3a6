// GENERATED from the migrations by scripts/standin/database-types.ts; do not edit by hand.
// Same shape as `supabase gen types typescript`. An integration test fails when it drifts.
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  __InternalSupabase: { PostgrestVersion: '12' };
  public: {
    Tables: {
      chats: {
        Row: {
          created_at: string;
          deleted: boolean;
          field_hlc: Json;
          id: string;
          model: string;
          persona_id: string | null;
          server_version: number;
          story_id: string | null;
          title: string;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          id?: string;
          model?: string;
          persona_id?: string | null;
          server_version?: number;
          story_id?: string | null;
          title?: string;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          id?: string;
          model?: string;
          persona_id?: string | null;
          server_version?: number;
          story_id?: string | null;
          title?: string;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'chats_user_id_story_id_fkey';
            columns: ['user_id', 'story_id'];
            isOneToOne: false;
            referencedRelation: 'stories';
            referencedColumns: ['user_id', 'id'];
          },
        ];
      };
      messages: {
        Row: {
          chat_id: string;
          content: string;
          created_at: string;
          deleted: boolean;
          field_hlc: Json;
          id: string;
          model: string;
          persona_id: string | null;
          role: string;
          server_version: number;
          status: string;
          updated_at: string;
          usage: Json | null;
          user_id: string;
        };
        Insert: {
          chat_id: string;
          content?: string;
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          id?: string;
          model?: string;
          persona_id?: string | null;
          role: string;
          server_version?: number;
          status?: string;
          updated_at?: string;
          usage?: Json | null;
          user_id?: string;
        };
        Update: {
          chat_id?: string;
          content?: string;
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          id?: string;
          model?: string;
          persona_id?: string | null;
          role?: string;
          server_version?: number;
          status?: string;
          updated_at?: string;
          usage?: Json | null;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'messages_user_id_chat_id_fkey';
            columns: ['user_id', 'chat_id'];
            isOneToOne: false;
            referencedRelation: 'chats';
            referencedColumns: ['user_id', 'id'];
          },
        ];
      };
      personas: {
        Row: {
          created_at: string;
          default_model: string;
          deleted: boolean;
          description: string;
          field_hlc: Json;
          id: string;
          name: string;
          server_version: number;
          system_prompt: string;
          temperature: number;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          created_at?: string;
          default_model?: string;
          deleted?: boolean;
          description?: string;
          field_hlc?: Json;
          id?: string;
          name: string;
          server_version?: number;
          system_prompt?: string;
          temperature?: number;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          created_at?: string;
          default_model?: string;
          deleted?: boolean;
          description?: string;
          field_hlc?: Json;
          id?: string;
          name?: string;
          server_version?: number;
          system_prompt?: string;
          temperature?: number;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [];
      };
      prompt_categories: {
        Row: {
          color: string;
          created_at: string;
          deleted: boolean;
          description: string;
          field_hlc: Json;
          id: string;
          position: string;
          server_version: number;
          story_id: string;
          title: string;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          color?: string;
          created_at?: string;
          deleted?: boolean;
          description?: string;
          field_hlc?: Json;
          id?: string;
          position: string;
          server_version?: number;
          story_id: string;
          title: string;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          color?: string;
          created_at?: string;
          deleted?: boolean;
          description?: string;
          field_hlc?: Json;
          id?: string;
          position?: string;
          server_version?: number;
          story_id?: string;
          title?: string;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'prompt_categories_user_id_story_id_fkey';
            columns: ['user_id', 'story_id'];
            isOneToOne: false;
            referencedRelation: 'stories';
            referencedColumns: ['user_id', 'id'];
          },
        ];
      };
      prompts: {
        Row: {
          action_steps: Json;
          category_id: string;
          created_at: string;
          deleted: boolean;
          details: string;
          field_hlc: Json;
          files: Json;
          id: string;
          position: string;
          server_version: number;
          story_id: string;
          tags: string[];
          title: string;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          action_steps?: Json;
          category_id: string;
          created_at?: string;
          deleted?: boolean;
          details?: string;
          field_hlc?: Json;
          files?: Json;
          id?: string;
          position: string;
          server_version?: number;
          story_id: string;
          tags?: string[];
          title: string;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          action_steps?: Json;
          category_id?: string;
          created_at?: string;
          deleted?: boolean;
          details?: string;
          field_hlc?: Json;
          files?: Json;
          id?: string;
          position?: string;
          server_version?: number;
          story_id?: string;
          tags?: string[];
          title?: string;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'prompts_user_id_category_id_fkey';
            columns: ['user_id', 'category_id'];
            isOneToOne: false;
            referencedRelation: 'prompt_categories';
            referencedColumns: ['user_id', 'id'];
          },
          {
            foreignKeyName: 'prompts_user_id_story_id_fkey';
            columns: ['user_id', 'story_id'];
            isOneToOne: false;
            referencedRelation: 'stories';
            referencedColumns: ['user_id', 'id'];
          },
        ];
      };
      stories: {
        Row: {
          created_at: string;
          deleted: boolean;
          field_hlc: Json;
          genre: string;
          id: string;
          logline: string;
          notes: string;
          server_version: number;
          synopsis: string;
          title: string;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          genre?: string;
          id?: string;
          logline?: string;
          notes?: string;
          server_version?: number;
          synopsis?: string;
          title: string;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          created_at?: string;
          deleted?: boolean;
          field_hlc?: Json;
          genre?: string;
          id?: string;
          logline?: string;
          notes?: string;
          server_version?: number;
          synopsis?: string;
          title?: string;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [];
      };
      sync_clients: {
        Row: {
          client_id: string;
          created_at: string;
          last_mutation_id: number;
          last_pull_version: number;
          schema_version: number;
          updated_at: string;
          user_id: string;
        };
        Insert: {
          client_id: string;
          created_at?: string;
          last_mutation_id?: number;
          last_pull_version?: number;
          schema_version?: number;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          client_id?: string;
          created_at?: string;
          last_mutation_id?: number;
          last_pull_version?: number;
          schema_version?: number;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [];
      };
      sync_conflicts: {
        Row: {
          base_value: Json | null;
          created_at: string;
          deleted: boolean;
          entity: string;
          field: string;
          field_hlc: Json;
          id: string;
          kind: string;
          loser_hlc: string | null;
          loser_value: Json | null;
          resolved: boolean;
          row_id: string;
          server_version: number;
          updated_at: string;
          user_id: string;
          winner_hlc: string | null;
          winner_value: Json | null;
        };
        Insert: {
          base_value?: Json | null;
          created_at?: string;
          deleted?: boolean;
          entity: string;
          field: string;
          field_hlc?: Json;
          id?: string;
          kind: string;
          loser_hlc?: string | null;
          loser_value?: Json | null;
          resolved?: boolean;
          row_id: string;
          server_version?: number;
          updated_at?: string;
          user_id?: string;
          winner_hlc?: string | null;
          winner_value?: Json | null;
        };
        Update: {
          base_value?: Json | null;
          created_at?: string;
          deleted?: boolean;
          entity?: string;
          field?: string;
          field_hlc?: Json;
          id?: string;
          kind?: string;
          loser_hlc?: string | null;
          loser_value?: Json | null;
          resolved?: boolean;
          row_id?: string;
          server_version?: number;
          updated_at?: string;
          user_id?: string;
          winner_hlc?: string | null;
          winner_value?: Json | null;
        };
        Relationships: [];
      };
      sync_user_state: {
        Row: { epoch: number; gc_version: number; user_id: string; version: number };
        Insert: { epoch?: number; gc_version?: number; user_id?: string; version?: number };
        Update: { epoch?: number; gc_version?: number; user_id?: string; version?: number };
        Relationships: [];
      };
    };
    Views: { [_ in never]: never };
    Functions: {
      sync_ack_pull: { Args: { client_id: string; version: number }; Returns: Json };
      sync_pull: {
        Args: { client_id: string; cursor: number; limit: number; gc_seen: number };
        Returns: Json;
      };
      sync_push: {
        Args: { client_id: string; schema_version: number; mutations: Json };
        Returns: Json;
      };
    };
    Enums: { [_ in never]: never };
    CompositeTypes: { [_ in never]: never };
  };
};

type PublicSchema = Database['public'];
export type Tables<T extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][T]['Row'];
export type TablesInsert<T extends keyof PublicSchema['Tables']> =
  PublicSchema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof PublicSchema['Tables']> =
  PublicSchema['Tables'][T]['Update'];
