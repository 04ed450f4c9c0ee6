import { IsString } from 'class-validator';

/** The console's sign-in. Lengths are checked by the service: an oversized attempt still counts. */
export class SignInBody {
  @IsString()
  email: string;

  @IsString()
  password: string;
}
