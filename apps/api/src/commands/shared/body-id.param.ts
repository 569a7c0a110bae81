import { ParseUUIDPipe, Param, BadRequestException } from '@nestjs/common';

/** `{id}` in a route: a body id is a UUID; anything else is a malformed request. */
export const BodyIdParam = () =>
  Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException({ statusCode: 400, error: 'Bad Request', message: '机构编号(id)须为 UUID', details: [{ field: 'id', problems: ['须为 UUID'] }] }),
    }),
  );
