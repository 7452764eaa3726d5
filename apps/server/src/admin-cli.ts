import { StaffRoleSchema, STAFF_ROLES } from '@guandan/protocol';
import { AuditLog, StaffRoles } from './admin/index.js';
import { CoinAccounts } from './coins/index.js';
import { loadConfig } from './config.js';
import { openDatabase } from './platform/db/database.js';
import { inUnitOfWork } from './platform/db/unit-of-work.js';
import { UsersService } from './users/index.js';

const USAGE = `npm run admin -- grant EMAIL ROLE     give the account with this email a role (${STAFF_ROLES.join(', ')}; player: none)
npm run admin -- staff                 list the accounts with a role
The database is the server's (DATABASE_URL, else the SQLite file under DATA_DIR).`;

/** The command line's name in the audit log: it acts with no account. */
const COMMAND_LINE = { userId: null, name: 'command line' };

/**
 * `npm run admin`: what an operator with shell access does before anyone can use the console, such as making the
 * first admin. Each change is in the audit log like any other.
 */
async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'grant' && command !== 'staff') {
    console.error(USAGE);
    return 2;
  }
  const db = await openDatabase(loadConfig().database);
  try {
    const users = new UsersService(db, new CoinAccounts(db), 0);
    const staff = new StaffRoles(db);
    if (command === 'staff') {
      for (const role of STAFF_ROLES.slice(1)) {
        const names = await users.usernames(await staff.usersWithRole(role));
        for (const [userId, name] of names) console.log(`${role.padEnd(10)} ${name} (${userId})`);
      }
      return 0;
    }
    const [email, roleText] = rest;
    const role = StaffRoleSchema.safeParse(roleText);
    if (email === undefined || !role.success) {
      console.error(USAGE);
      return 2;
    }
    const account = await users.credentials(email.toLowerCase());
    if (account === undefined) {
      console.error(`no account has the email ${email}`);
      return 1;
    }
    const audit = new AuditLog(db);
    const before = await inUnitOfWork(db, async (work) => {
      const previous = await staff.set(work, account.userId, role.data, null);
      await audit.record(work, { actor: COMMAND_LINE, action: 'role.set', targetType: 'user', targetId: account.userId, reason: 'set from the command line', before: { role: previous }, after: { role: role.data } });
      return previous;
    });
    console.log(`${email}: ${before} -> ${role.data}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
