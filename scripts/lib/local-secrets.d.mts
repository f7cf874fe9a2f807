export declare const LOCAL_SECRETS_FILE: string;
export declare function applyLocalSecrets<T extends Record<string, string | undefined>>(env: T): T;
