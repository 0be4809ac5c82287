import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../errors/domain-error';

/**
 * Failed sign-ins are counted per account and per client address; past the
 * limit, login answers 429 until the window passes. Counters live in this
 * process (a second process keeps its own), which bounds guessing well
 * enough for a self-hosted CRM without another server.
 */
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ points: 10, duration: 15 * 60 });
  private readonly perAddress = new RateLimiterMemory({ points: 50, duration: 15 * 60 });

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([this.perAccount.get(email), this.perAddress.get(address)]);
    const blocked = [account, client].filter((res, i): res is RateLimiterRes => !!res && res.consumedPoints >= (i === 0 ? 10 : 50));
    if (blocked.length) {
      const seconds = Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000);
      throw new DomainError('rate_limited', 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${seconds} seconds.`);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
