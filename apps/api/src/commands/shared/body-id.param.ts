import { ParseUUIDPipe, Param, BadRequestException } from '@nestjs/common';
import { badField } from '../../http/error-body.js';

/** `{id}` in a route: a body id is a UUID; anything else is a malformed request. */
export const BodyIdParam = () =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException(badField('id', '机构编号须为 UUID')),
    }),
  );
