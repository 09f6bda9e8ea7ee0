// A tally problem's text: Japanese in \`message\` (as the JSON has always carried it), English beside it.
import { type Message, render } from "../messages";

export function say(m: Message): { message: string; messageEn: string } {
  return { message: render(m, "ja"), messageEn: render(m, "en") };
}
