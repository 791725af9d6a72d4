// Keys and helpers shared by the config and profile tests (random keys, generated once; nothing secret).

export const PRIVATE_KEY = '3Y271w8OywBna9JBoh/5eY7Vi3K9YvChF9pEf8aqZcE=';
export const PEER_KEY_1 = 'JTJI8NUh1wm3YqwA/dmuo6gc76xjAcfQdvym9s9d8IU=';
export const PEER_KEY_2 = 'Fnh0L1NJy5/+7fTkcBXOJYFmpSjM5mgQ9543472PKSg=';
export const PEER_KEY_3 = 'qKgljTMRmJFroSwvRmbszhw9S3zscdD6fw7+lVm8Wl4=';
export const PRESHARED_KEY = '5YEtdIM47q2haIMfj6cgbOV26OrHUCfh8sjWTAmi/aY=';
/** Same bytes as PEER_KEY_1 but with a nonzero unused low bit: not canonical, so invalid. */
export const NON_CANONICAL_KEY = 'JTJI8NUh1wm3YqwA/dmuo6gc76xjAcfQdvym9s9d8IV=';

/** Joins lines with LF: test configs read better as arrays. */
export function lines(...list: string[]): string {
  return list.join('\n');
}
