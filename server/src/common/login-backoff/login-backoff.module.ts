import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoginBackoff } from './login-backoff.entity';
import { LoginBackoffService } from './login-backoff.service';

@Module({
  imports: [TypeOrmModule.forFeature([LoginBackoff])],
  providers: [LoginBackoffService],
  exports: [LoginBackoffService],
})
export class LoginBackoffModule {}
